package com.flightwatch.platform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flightwatch activations list|get|logs|result|poll}: the invocation records of a running
 * platform, through its control plane's {@code /_platform/activations}.
 */
@Command(name = "activations", mixinStandardHelpOptions = true,
        description = "List activations (one per invocation), show one, its logs or its result, or follow new ones.",
        subcommands = {ActivationsCommand.ListActivations.class, ActivationsCommand.GetActivation.class,
                ActivationsCommand.ActivationLogs.class, ActivationsCommand.ActivationResult.class,
                ActivationPollCommand.class})
final class ActivationsCommand {

    static final ObjectMapper JSON = new ObjectMapper();

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

        PrintWriter outWriter() {
            return spec.commandLine().getOut();
        }

        /** Pretty-prints a JSON answer; @return the exit code (1 when there was no answer) */
        int printJson(String body) throws IOException {
            if (body == null) {
                return 1;
            }
            outWriter().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(body)));
            outWriter().flush();
            return 0;
        }

        static String encode(String value) {
            return ControlPlaneClient.encode(value);
        }

        /** {@code ?limit=} and the filters that are set. */
        static String query(int limit, String function, String status, Instant since, int skip) {
            StringBuilder query = new StringBuilder("?limit=").append(limit);
            if (function != null) {
                query.append("&function=").append(encode(function));
            }
            if (status != null) {
                query.append("&status=").append(encode(status));
            }
            if (since != null) {
                query.append("&since=").append(since.toEpochMilli());
            }
            if (skip > 0) {
                query.append("&skip=").append(skip);
            }
            return query.toString();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List activations, newest first.")
    static final class ListActivations extends ActivationsCall {
        @Option(names = "--function", description = "Only this function's activations.")
        String function;

        @Option(names = "--status", description = "Only activations that ended so: SUCCESS, FUNCTION_ERROR, TIMEOUT, ...")
        String status;

        @Option(names = "--since", converter = SinceConverter.class,
                description = "Only activations that ended since then: 10m, 2h, 1d back from now, or an ISO-8601 time.")
        Instant since;

        @Option(names = "--limit", defaultValue = "30", description = "At most this many (1-200). Default: ${DEFAULT-VALUE}")
        int limit;

        @Override
        public Integer call() throws Exception {
            String body = get(query(limit, function, status, since, 0));
            if (body == null) {
                return 1;
            }
            JsonNode activations = JSON.readTree(body);
            for (JsonNode activation : activations) {
                outWriter().println(ActivationLine.format(activation));
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
            return printJson(get("/" + encode(id)));
        }
    }

    @Command(name = "result", mixinStandardHelpOptions = true,
            description = "Show what one activation returned (or its error document), with its status, as JSON.")
    static final class ActivationResult extends ActivationsCall {
        @Parameters(index = "0", description = "The activation id (the invocation's request id).")
        String id;

        @Override
        public Integer call() throws Exception {
            return printJson(get("/" + encode(id) + "/result"));
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
