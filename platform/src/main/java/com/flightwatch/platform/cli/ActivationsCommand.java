package com.flightwatch.platform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code flightwatch activations list|get|logs}: the invocation records of a running platform,
 * through its control plane's {@code /_platform/activations}.
 */
@Command(name = "activations", mixinStandardHelpOptions = true,
        description = "List activations (one per invocation), show one, or print its logs.",
        subcommands = {ActivationsCommand.ListActivations.class, ActivationsCommand.GetActivation.class,
                ActivationsCommand.ActivationLogs.class})
final class ActivationsCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What every activations subcommand shares: the control plane, and where to write. */
    abstract static class ActivationsCall implements Callable<Integer> {

        @Mixin
        ControlPlaneClient controlPlane;

        @Spec
        CommandSpec spec;

        /** @return the body of a 200 answer, or null after printing why there is none */
        String get(String pathAndQuery) throws IOException, InterruptedException {
            return controlPlane.send(HttpRequest.newBuilder(controlPlane.uri("/_platform/activations" + pathAndQuery)).GET(),
                    200, spec.commandLine().getErr()).map(HttpResponse::body).orElse(null);
        }

        java.io.PrintWriter outWriter() {
            return spec.commandLine().getOut();
        }

        static String encode(String value) {
            return ControlPlaneClient.encode(value);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List activations, newest first.")
    static final class ListActivations extends ActivationsCall {
        @Option(names = "--function", description = "Only this function's activations.")
        String function;

        @Option(names = "--status", description = "Only activations that ended so: SUCCESS, FUNCTION_ERROR, TIMEOUT, ...")
        String status;

        @Option(names = "--limit", defaultValue = "30", description = "At most this many (1-200). Default: ${DEFAULT-VALUE}")
        int limit;

        @Override
        public Integer call() throws Exception {
            StringBuilder query = new StringBuilder("?limit=").append(limit);
            if (function != null) {
                query.append("&function=").append(encode(function));
            }
            if (status != null) {
                query.append("&status=").append(encode(status));
            }
            String body = get(query.toString());
            if (body == null) {
                return 1;
            }
            JsonNode activations = JSON.readTree(body);
            for (JsonNode activation : activations) {
                outWriter().printf("%-36s %-24s %-15s %-10s %6d ms%s  %s%n", activation.path("activationId").asText(),
                        activation.path("function").asText(), activation.path("status").asText(),
                        activation.path("trigger").asText(), activation.path("duration").asLong(),
                        activation.has("initDuration") ? " (cold, init " + activation.path("initDuration").asLong() + " ms)" : "",
                        activation.path("start").asText());
            }
            outWriter().println(activations.size() + " activation(s)");
            outWriter().flush();
            return 0;
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one activation in full, as JSON.")
    static final class GetActivation extends ActivationsCall {
        @Parameters(index = "0", description = "The activation id (the invocation's request id).")
        String id;

        @Override
        public Integer call() throws Exception {
            String body = get("/" + encode(id));
            if (body == null) {
                return 1;
            }
            outWriter().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(body)));
            outWriter().flush();
            return 0;
        }
    }

    @Command(name = "logs", mixinStandardHelpOptions = true, description = "Print what one activation wrote to its logs.")
    static final class ActivationLogs extends ActivationsCall {
        @Parameters(index = "0", description = "The activation id (the invocation's request id).")
        String id;

        @Override
        public Integer call() throws Exception {
            String body = get("/" + encode(id) + "/logs");
            if (body == null) {
                return 1;
            }
            outWriter().print(body);
            outWriter().flush();
            return 0;
        }
    }
}
