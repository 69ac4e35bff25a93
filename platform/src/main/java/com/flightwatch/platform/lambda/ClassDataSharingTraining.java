package com.flightwatch.platform.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One training run of a function JVM for {@link ClassDataSharing}: the launcher and the runtime
 * client start against a minimal Runtime API of its own (the JDK's HTTP server, so it needs nothing
 * from the platform), take one invocation of {@link ClassDataSharingTrainingHandler} and answer it,
 * then the second invocation ends the JVM normally, which is when the JDK writes what the given
 * options asked for (a class list, or on JDK 19+ the archive itself).
 */
final class ClassDataSharingTraining {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String NEXT = "/2018-06-01/runtime/invocation/next";

    private ClassDataSharingTraining() {
    }

    /** Runs the JVM to its end; throws {@link ClassDataSharingException} when it fails or overruns. */
    static void run(String java, List<String> options, List<Path> classPath, Path jniLibrary, Path log)
            throws InterruptedException {
        AtomicInteger invocations = new AtomicInteger();
        HttpServer server = startRuntimeApi(invocations);
        Process process = null;
        try {
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(options);
            command.addAll(List.of("-D" + RuntimeFiles.JNI_PROPERTY + "=" + jniLibrary,
                    "-cp", ClassDataSharing.joined(classPath), FunctionProcessMain.class.getName(),
                    ClassDataSharingTrainingHandler.class.getName() + "::handleRequest"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + server.getAddress().getPort());
            environment.put("AWS_LAMBDA_FUNCTION_NAME", "flightwatch-cds-training");
            environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256");
            process = builder.start();
            if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                throw new ClassDataSharingException("The training run did not end within " + DEADLINE + "; see " + log);
            }
            if (process.exitValue() != 0 || invocations.get() < 2) {
                throw new ClassDataSharingException("The training run ended with status " + process.exitValue()
                        + " after " + invocations.get() + " invocations; see " + log);
            }
        } catch (IOException e) {
            throw new ClassDataSharingException("Starting the training run failed", e);
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            server.stop(0);
        }
    }

    private static HttpServer startRuntimeApi(AtomicInteger invocations) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> answer(exchange, invocations));
            server.start();
            return server;
        } catch (IOException e) {
            throw new ClassDataSharingException("Starting the training run's Runtime API failed", e);
        }
    }

    private static void answer(HttpExchange exchange, AtomicInteger invocations) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(NEXT)) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(202, -1);
                return;
            }
            int number = invocations.incrementAndGet();
            String event = number == 1 ? "{\"flight\":\"FW1\",\"seats\":[1,2]}"
                    : "{\"" + ClassDataSharingTrainingHandler.EXIT_FIELD + "\":true}";
            byte[] body = event.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", "training-" + number);
            exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                    Long.toString(System.currentTimeMillis() + DEADLINE.toMillis()));
            exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                    "arn:aws:lambda:us-east-1:000000000000:function:flightwatch-cds-training");
            exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
