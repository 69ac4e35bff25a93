package com.flightwatch.platform.activations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flightwatch.platform.lambda.InvocationStatus;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /_platform/activations} on the control plane, for {@code flightwatch activations}:
 * {@code GET ?function=&status=&limit=} lists records newest first (without results and logs),
 * {@code GET /{id}} gives one in full, {@code GET /{id}/logs} its logs as text.
 */
public final class ActivationRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final ActivationStore store;

    public ActivationRoutes(Vertx vertx, ActivationStore store) {
        this.vertx = vertx;
        this.store = store;
    }

    public void mount(Router router) {
        router.get("/_platform/activations").handler(this::list);
        router.get("/_platform/activations/:id").handler(this::get);
        router.get("/_platform/activations/:id/logs").handler(this::logs);
    }

    private void list(RoutingContext context) {
        ActivationQuery query;
        try {
            query = query(context);
        } catch (IllegalArgumentException e) {
            error(context, 400, e.getMessage());
            return;
        }
        vertx.executeBlocking(() -> store.list(query), false).onSuccess(activations -> {
            ArrayNode list = JSON.createArrayNode();
            activations.forEach(activation -> list.add(summary(activation)));
            context.response().putHeader("Content-Type", "application/json").end(list.toString());
        }).onFailure(context::fail);
    }

    private static ActivationQuery query(RoutingContext context) {
        String status = context.request().getParam("status");
        if (status != null) {
            status = status.toUpperCase(Locale.ROOT);
            InvocationStatus.valueOf(status); // rejects an unknown status with IllegalArgumentException
        }
        String limit = context.request().getParam("limit");
        int count;
        try {
            count = limit == null ? ActivationQuery.DEFAULT_LIMIT : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a number, not " + limit);
        }
        return new ActivationQuery(context.request().getParam("function"), status, count);
    }

    private void get(RoutingContext context) {
        withActivation(context, activation -> {
            ObjectNode json = summary(activation);
            json.put("errorMessage", activation.errorMessage());
            json.put("result", activation.result());
            json.put("logs", activation.logs());
            context.response().putHeader("Content-Type", "application/json").end(json.toString());
        });
    }

    private void logs(RoutingContext context) {
        withActivation(context, activation -> context.response()
                .putHeader("Content-Type", "text/plain; charset=utf-8").end(activation.logs()));
    }

    private void withActivation(RoutingContext context, java.util.function.Consumer<Activation> answer) {
        String id = context.pathParam("id");
        vertx.executeBlocking(() -> store.find(id), false).onSuccess((Optional<Activation> found) -> {
            if (found.isPresent()) {
                answer.accept(found.get());
            } else {
                error(context, 404, "No activation " + id);
            }
        }).onFailure(context::fail);
    }

    private static ObjectNode summary(Activation activation) {
        ObjectNode json = JSON.createObjectNode()
                .put("activationId", activation.activationId())
                .put("function", activation.functionName())
                .put("trigger", activation.trigger())
                .put("start", activation.start().toString())
                .put("end", activation.end().toString())
                .put("duration", activation.durationMs())
                .put("status", activation.status());
        if (activation.initDurationMs() != null) {
            json.put("initDuration", activation.initDurationMs());
        }
        if (activation.errorType() != null) {
            json.put("errorType", activation.errorType());
        }
        return json;
    }

    private static void error(RoutingContext context, int status, String message) {
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(JSON.createObjectNode().put("message", message).toString());
    }
}
