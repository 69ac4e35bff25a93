package com.flightwatch.platform.activations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code /_platform/activations} on the control plane, for {@code flightwatch activations}:
 * {@code GET ?function=&status=&since=&upto=&limit=&skip=} lists records newest first (by when they
 * ended; without results and logs), {@code GET /{id}} gives one in full, {@code GET /{id}/logs} its
 * logs as text, {@code GET /{id}/result} OpenWhisk's {@code response} with the result. JSON shape:
 * {@link ActivationJson}.
 */
public final class ActivationRoutes {

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
        router.get("/_platform/activations/:id/result").handler(this::result);
    }

    private void list(RoutingContext context) {
        ActivationQuery query;
        try {
            query = ActivationQueryParameters.read(context.request()::getParam);
        } catch (IllegalArgumentException e) {
            error(context, 400, e.getMessage());
            return;
        }
        vertx.executeBlocking(() -> store.list(query), false).onSuccess(activations -> {
            ArrayNode list = ActivationJson.JSON.createArrayNode();
            activations.forEach(activation -> list.add(ActivationJson.summary(activation)));
            json(context, list.toString());
        }).onFailure(context::fail);
    }

    private void get(RoutingContext context) {
        withActivation(context, activation -> json(context, ActivationJson.full(activation).toString()));
    }

    private void logs(RoutingContext context) {
        withActivation(context, activation -> context.response()
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .end(activation.logs() == null ? "" : activation.logs()));
    }

    private void result(RoutingContext context) {
        withActivation(context, activation -> json(context, ActivationJson.response(activation, true).toString()));
    }

    private void withActivation(RoutingContext context, Consumer<Activation> answer) {
        String id = context.pathParam("id");
        vertx.executeBlocking(() -> store.find(id), false).onSuccess((Optional<Activation> found) -> {
            if (found.isPresent()) {
                answer.accept(found.get());
            } else {
                error(context, 404, "No activation " + id);
            }
        }).onFailure(context::fail);
    }

    private static void json(RoutingContext context, String body) {
        context.response().putHeader("Content-Type", "application/json").end(body);
    }

    private static void error(RoutingContext context, int status, String message) {
        ObjectNode body = ActivationJson.JSON.createObjectNode().put("message", message);
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
    }
}
