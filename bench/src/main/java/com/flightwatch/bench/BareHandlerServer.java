package com.flightwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flightwatch.platform.lambda.InvocationResult;
import com.flightwatch.platform.lambda.Invoker;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The baseline: the same handler, invoked in-process the same way, behind the barest HTTP server —
 * no routing table, no API key, no validation, a minimal proxy event. The gap between this and the
 * gateway is what the gateway's steps cost.
 */
final class BareHandlerServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final Invoker invoker;
    private final String functionName;
    private HttpServer server;

    BareHandlerServer(Vertx vertx, Invoker invoker, String functionName) {
        this.vertx = vertx;
        this.invoker = invoker;
        this.functionName = functionName;
    }

    /** Serves {@code GET /flights/{id}}; returns the bound port. */
    int start() {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setTcpNoDelay(true))
                .requestHandler(this::handle)
                .listen().toCompletionStage().toCompletableFuture().join();
        return server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        String flightId = request.path().substring(request.path().lastIndexOf('/') + 1);
        byte[] event = proxyEvent(request.path(), flightId);
        vertx.<InvocationResult>executeBlocking(() -> invoker.invoke(functionName, event), false)
                .onSuccess(result -> {
                    JsonNode response = read(result.payload());
                    request.response().setStatusCode(response.path("statusCode").asInt(502))
                            .putHeader("content-type", "application/json")
                            .end(response.path("body").asText(""));
                })
                .onFailure(error -> request.response().setStatusCode(502).end());
    }

    private static byte[] proxyEvent(String path, String flightId) {
        ObjectNode event = JSON.createObjectNode();
        event.put("resource", "/flights/{flightId}").put("path", path).put("httpMethod", "GET");
        event.putObject("headers");
        event.putObject("pathParameters").put("flightId", flightId);
        event.putObject("requestContext").put("stage", "prod").put("httpMethod", "GET")
                .put("resourcePath", "/flights/{flightId}");
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
