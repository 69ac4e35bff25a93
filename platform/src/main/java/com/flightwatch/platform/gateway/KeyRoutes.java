package com.flightwatch.platform.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code /_platform/keys} on the control plane (loopback by default), for {@code flightwatch keys}:
 * {@code GET} lists the stack's keys (their values only with {@code ?includeValues=true}, as API
 * Gateway's GetApiKeys: an answer that is logged or shared shows no key), {@code POST} makes one ({@code {"name", "usagePlanId"}}, the
 * value in the answer only), {@code POST /_platform/keys/{id}/disable} disables one.
 */
public final class KeyRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final Vertx vertx;
    private final ApiKeyAdmin admin;
    private final String stackName;
    private final List<String> usagePlanIds;

    /** @param usagePlanIds the logical ids of the stack's usage plans, which a new key may join */
    public KeyRoutes(Vertx vertx, ApiKeyAdmin admin, String stackName, List<String> usagePlanIds) {
        this.vertx = vertx;
        this.admin = admin;
        this.stackName = stackName;
        this.usagePlanIds = usagePlanIds;
    }

    public void mount(Router router) {
        router.get("/_platform/keys").handler(this::list);
        router.post("/_platform/keys").handler(BodyHandler.create(false).setBodyLimit(4096)).handler(this::create);
        router.post("/_platform/keys/:id/disable").handler(this::disable);
    }

    private void list(RoutingContext context) {
        boolean includeValues = "true".equals(context.request().getParam("includeValues"));
        answer(context, 200, () -> {
            ArrayNode keys = JSON.createArrayNode();
            admin.list(stackName).forEach(key -> keys.add(includeValues ? json(key) : json(key).without("value")));
            return keys;
        });
    }

    private void create(RoutingContext context) {
        JsonNode request;
        try {
            request = JSON.readTree(context.body().asString() == null ? "{}" : context.body().asString());
        } catch (IOException e) {
            error(context, 400, "The body is not JSON");
            return;
        }
        String name = request.path("name").asText("");
        if (!NAME.matcher(name).matches()) {
            error(context, 400, "name: 1 to 128 letters, digits, '.', '_' or '-'");
            return;
        }
        String plan = request.path("usagePlanId").asText(usagePlanIds.size() == 1 ? usagePlanIds.get(0) : "");
        if (!usagePlanIds.contains(plan)) {
            error(context, 400, usagePlanIds.isEmpty()
                    ? "Stack " + stackName + " has no usage plan: declare its keys in the template"
                    : "usagePlanId: one of " + usagePlanIds);
            return;
        }
        answer(context, 201, () -> json(admin.create(stackName, name, plan)));
    }

    private void disable(RoutingContext context) {
        String id = context.pathParam("id");
        answer(context, 200, () -> {
            admin.disable(stackName, id);
            return JSON.createObjectNode().put("id", id).put("enabled", false);
        });
    }

    private void answer(RoutingContext context, int status, Callable<JsonNode> work) {
        vertx.executeBlocking(work, false)
                .onSuccess(json -> context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                        .end(json.toString()))
                .onFailure(failure -> {
                    if (failure instanceof ApiKeyConflictException) {
                        error(context, 409, failure.getMessage());
                    } else if (failure instanceof ApiKeyNotFoundException) {
                        error(context, 404, failure.getMessage());
                    } else {
                        context.fail(failure);
                    }
                });
    }

    private static ObjectNode json(ResolvedApiKey key) {
        ObjectNode json = JSON.createObjectNode().put("id", key.logicalId()).put("name", key.name())
                .put("enabled", key.enabled()).put("usagePlanId", key.usagePlanId());
        if (key.value() != null) {
            json.put("value", key.value());
        }
        return json;
    }

    private static void error(RoutingContext context, int status, String message) {
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(JSON.createObjectNode().put("message", message).toString());
    }
}
