package com.flightwatch.platform.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flightwatch.platform.activations.Activation;
import com.flightwatch.platform.activations.ActivationRecorder;
import com.flightwatch.platform.activations.InMemoryActivationStore;
import com.flightwatch.platform.gateway.ApiKeyLookup;
import com.flightwatch.platform.gateway.Gateway;
import com.flightwatch.platform.gateway.GatewaySettings;
import com.flightwatch.platform.lambda.InvocationDetails;
import com.flightwatch.platform.lambda.ProcessInvoker;
import com.flightwatch.platform.stack.ApiSpec;
import com.flightwatch.platform.stack.FunctionSpec;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The platform's invocation path as {@code flightwatch up} wires it, on loopback: a
 * {@link ProcessInvoker} (process isolation, the default), an {@link ActivationRecorder} keeping
 * records in memory, and, when asked, a {@link Gateway} whose routes go to the functions.
 */
final class FaultPlatform implements AutoCloseable {

    /** One gateway route: {@code GET /path} to a function, with the integration's timeout (null for 29 s). */
    record ApiRoute(String path, String functionName, Integer timeoutInMillis) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ProcessInvoker invoker;
    final InMemoryActivationStore activations = new InMemoryActivationStore(100_000);
    final ActivationRecorder recorder;
    private Gateway gateway;
    private String gatewayUrl;

    FaultPlatform(Duration idleTimeout) {
        invoker = new ProcessInvoker(vertx, "us-east-1", 4, idleTimeout);
        recorder = new ActivationRecorder(invoker, activations, ActivationRecorder.GATEWAY, Clock.systemUTC());
    }

    void deploy(String name, String handler, int memoryMb, int timeoutSeconds, Path jar) {
        invoker.deploy(new FunctionSpec(name + "Function", name, handler, "java21", memoryMb, timeoutSeconds, Map.of(),
                jar));
    }

    InvocationDetails invoke(String functionName, String eventJson) {
        return recorder.invokeWithLogs(functionName, eventJson.getBytes(StandardCharsets.UTF_8));
    }

    Activation activation(String requestId) {
        return activations.find(requestId).orElseThrow(() -> new AssertionError("no activation " + requestId));
    }

    /** Starts a gateway serving {@code routes}, no API key required. */
    void serve(List<ApiRoute> routes) {
        ObjectNode document = JSON.createObjectNode().put("openapi", "3.0.1");
        document.putObject("info").put("title", "faults").put("version", "1");
        ObjectNode paths = document.putObject("paths");
        for (ApiRoute route : routes) {
            ObjectNode get = paths.putObject(route.path()).putObject("get");
            get.putObject("responses").putObject("200").put("description", "ok");
            ObjectNode integration = get.putObject("x-amazon-apigateway-integration")
                    .put("type", "aws_proxy").put("httpMethod", "POST")
                    .put("uri", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                            + "arn:aws:lambda:us-east-1:000000000000:function:" + route.functionName() + "/invocations");
            if (route.timeoutInMillis() != null) {
                integration.put("timeoutInMillis", route.timeoutInMillis());
            }
        }
        ApiSpec api = new ApiSpec("FaultsApi", "faults", document.toString(), "test", List.of());
        gateway = new Gateway(vertx, api, recorder, ApiKeyLookup.of(List.of()), new GatewaySettings("127.0.0.1", 0));
        gatewayUrl = "http://127.0.0.1:" + gateway.start() + "/test";
    }

    HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + path)).timeout(Duration.ofSeconds(60))
                .GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls until {@code condition} holds; fails after {@code limit}. */
    static void await(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + limit + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for: " + what, e);
            }
        }
    }

    /** Whether {@code pid} runs: a zombie (dead, not yet reaped by its parent) does not. */
    static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
        }
        invoker.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
