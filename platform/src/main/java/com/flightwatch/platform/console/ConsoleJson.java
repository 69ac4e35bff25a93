package com.flightwatch.platform.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The console's JSON answers: built off the event loop (they read the database), sent as JSON. */
final class ConsoleJson {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleJson.class);

    private ConsoleJson() {
    }

    static void answer(Vertx vertx, RoutingContext context, Callable<JsonNode> json) {
        vertx.executeBlocking(json, false)
                .onSuccess(body -> context.response().putHeader("Content-Type", "application/json")
                        .putHeader("Cache-Control", "no-store").end(body.toString()))
                .onFailure(failure -> {
                    LOG.warn("Console view {} failed: {}", context.request().path(), failure.toString());
                    context.response().setStatusCode(500).putHeader("Content-Type", "application/json")
                            .end(JSON.createObjectNode().put("message", String.valueOf(failure.getMessage())).toString());
                });
    }
}
