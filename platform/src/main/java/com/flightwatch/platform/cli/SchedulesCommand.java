package com.flightwatch.platform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flightwatch schedules list|run NAME}: the stack's EventBridge schedules on a running
 * platform, through its control plane's {@code /_platform/schedules}; {@code run} fires one now
 * instead of waiting for its next time.
 */
@Command(name = "schedules", mixinStandardHelpOptions = true,
        description = "List the schedules (AWS::Events::Rule) of a running platform, or fire one now.",
        subcommands = {SchedulesCommand.ListSchedules.class, SchedulesCommand.RunSchedule.class})
final class SchedulesCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the schedules and their next run.")
    static final class ListSchedules implements Callable<Integer> {
        @Mixin
        ControlPlaneClient controlPlane;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            JsonNode rules = controlPlane.sendForJson(HttpRequest.newBuilder(controlPlane.uri("/_platform/schedules")).GET(),
                    200, spec.commandLine().getErr()).orElse(null);
            if (rules == null) {
                return 1;
            }
            for (JsonNode rule : rules) {
                StringBuilder targets = new StringBuilder();
                rule.path("targets").forEach(target -> targets.append(targets.length() == 0 ? "" : ",")
                        .append(target.path("function").asText()));
                String next = rule.path("nextFire").isNull() || rule.path("nextFire").isMissingNode()
                        ? (rule.path("enabled").asBoolean() ? "(not scheduled)" : "(disabled)")
                        : rule.path("nextFire").asText();
                out.printf("%-40s %-20s next %-26s -> %s%n", rule.path("name").asText(),
                        rule.path("expression").asText(), next, targets);
            }
            out.println(rules.size() + " schedule(s)");
            out.flush();
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Fire a schedule now and wait for its targets; exits 1 if one failed.")
    static final class RunSchedule implements Callable<Integer> {
        @Parameters(index = "0", description = "The rule's name (or logical id), as `flightwatch schedules list` shows it.")
        String name;

        @Mixin
        ControlPlaneClient controlPlane;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            String path = "/_platform/schedules/" + ControlPlaneClient.encode(name) + "/run";
            JsonNode answer = controlPlane.sendForJson(HttpRequest.newBuilder(controlPlane.uri(path))
                    .POST(HttpRequest.BodyPublishers.noBody()), 200, spec.commandLine().getErr()).orElse(null);
            if (answer == null) {
                return 1;
            }
            boolean allSucceeded = true;
            for (JsonNode invocation : answer.path("invocations")) {
                String status = invocation.path("status").asText();
                allSucceeded &= "SUCCESS".equals(status);
                out.printf("%-40s %-16s %s  %d ms%s%n", invocation.path("function").asText(), status,
                        invocation.path("requestId").asText(), invocation.path("durationMs").asLong(),
                        invocation.has("errorMessage") ? "  " + invocation.path("errorMessage").asText() : "");
            }
            out.println("Fired " + answer.path("name").asText() + ": " + answer.path("invocations").size() + " target(s)");
            out.flush();
            return allSucceeded ? 0 : 1;
        }
    }
}
