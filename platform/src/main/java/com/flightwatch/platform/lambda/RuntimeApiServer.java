package com.flightwatch.platform.lambda;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Lambda's Runtime API (2018-06-01) on loopback, for the runtime clients of every function process.
 * Each instance is given its own base address, {@code 127.0.0.1:<port>/<instance id>}, as its
 * {@code AWS_LAMBDA_RUNTIME_API}: the client prepends it to every path, which tells this server
 * which instance is calling.
 */
final class RuntimeApiServer implements AutoCloseable {

    private static final String API = "/2018-06-01/runtime/";

    private final HttpServer server;
    private final Map<String, ProcessInstance> instances = new ConcurrentHashMap<>();

    RuntimeApiServer(Vertx vertx) {
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                .setTcpNoDelay(true).setIdleTimeout(0);
        this.server = vertx.createHttpServer(options).requestHandler(this::handle);
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The Lambda Runtime API server could not start on loopback", e);
        }
    }

    int port() {
        return server.actualPort();
    }

    /** @return the value for the instance's {@code AWS_LAMBDA_RUNTIME_API} */
    String address(String instanceId) {
        return "127.0.0.1:" + port() + "/" + instanceId;
    }

    void register(ProcessInstance instance) {
        instances.put(instance.id(), instance);
    }

    void unregister(String instanceId) {
        instances.remove(instanceId);
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        int apiStart = path.indexOf(API);
        ProcessInstance instance = apiStart > 1 ? instances.get(path.substring(1, apiStart)) : null;
        if (instance == null) {
            request.response().setStatusCode(404).end("{\"errorMessage\":\"Unknown instance\",\"errorType\":\"InstanceNotFound\"}");
            return;
        }
        String route = path.substring(apiStart + API.length());
        if (request.method() == HttpMethod.GET && route.equals("invocation/next")) {
            instance.onNext(request.response());
        } else if (request.method() == HttpMethod.POST && route.equals("init/error")) {
            withBody(request, body -> instance.onInitError(
                    new RuntimeOutcome(InvocationStatus.INIT_ERROR, body, errorType(request))));
        } else if (request.method() == HttpMethod.POST && route.startsWith("invocation/")) {
            report(request, instance, route.substring("invocation/".length()));
        } else {
            request.response().setStatusCode(404).end();
        }
    }

    private void report(HttpServerRequest request, ProcessInstance instance, String idAndKind) {
        int slash = idAndKind.indexOf('/');
        String requestId = slash < 0 ? "" : idAndKind.substring(0, slash);
        String kind = slash < 0 ? "" : idAndKind.substring(slash + 1);
        if (!kind.equals("response") && !kind.equals("error")) {
            request.response().setStatusCode(404).end();
            return;
        }
        request.body().onSuccess(buffer -> {
            byte[] body = buffer.getBytes();
            RuntimeOutcome outcome = kind.equals("response") ? RuntimeOutcome.success(body)
                    : new RuntimeOutcome(errorStatus(errorType(request)), body, errorType(request));
            boolean accepted = instance.onResult(requestId, outcome);
            request.response().setStatusCode(accepted ? 202 : 400)
                    .end(accepted ? "{\"status\":\"OK\"}" : "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
        });
    }

    private static void withBody(HttpServerRequest request, java.util.function.Consumer<byte[]> consumer) {
        request.body().onSuccess(buffer -> {
            consumer.accept(buffer.getBytes());
            request.response().setStatusCode(202).end("{\"status\":\"OK\"}");
        });
    }

    /** The runtime client reports an unloadable handler on the first invocation, not as an init error. */
    private static InvocationStatus errorStatus(String errorType) {
        return "Runtime.BadFunctionCode".equals(errorType) ? InvocationStatus.INIT_ERROR : InvocationStatus.FUNCTION_ERROR;
    }

    private static String errorType(HttpServerRequest request) {
        String type = request.getHeader("Lambda-Runtime-Function-Error-Type");
        return type == null ? "Runtime.Unknown" : type;
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Closing is best effort: the instances' connections die with their processes anyway.
        }
    }
}
