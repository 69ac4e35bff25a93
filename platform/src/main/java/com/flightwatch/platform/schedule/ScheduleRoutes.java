package com.flightwatch.platform.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flightwatch.platform.lambda.InvocationResult;
import com.flightwatch.platform.stack.ScheduleSpec;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code /_platform/schedules} on the control plane, for {@code flightwatch schedules}:
 * {@code GET} lists the stack's rules with their next fire time; {@code POST /{name}/run} fires one
 * now (by name or logical id), waits for its targets and answers with one invocation per target.
 */
public final class ScheduleRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final Scheduler scheduler;

    public ScheduleRoutes(Vertx vertx, Scheduler scheduler) {
        this.vertx = vertx;
        this.scheduler = scheduler;
    }

    public void mount(Router router) {
        router.get("/_platform/schedules").handler(this::list);
        router.post("/_platform/schedules/:name/run").handler(this::run);
    }

    private void list(RoutingContext context) {
        ArrayNode list = JSON.createArrayNode();
        for (ScheduledRule rule : scheduler.rules()) {
            ObjectNode json = describe(rule.spec());
            json.put("nextFire", rule.nextFire() == null ? null : rule.nextFire().toString());
            list.add(json);
        }
        context.response().putHeader("Content-Type", "application/json").end(list.toString());
    }

    private void run(RoutingContext context) {
        String name = context.pathParam("name");
        ScheduleSpec rule = scheduler.find(name).orElse(null);
        if (rule == null) {
            String known = scheduler.rules().stream().map(r -> r.spec().name()).toList().toString();
            context.response().setStatusCode(404).putHeader("Content-Type", "application/json")
                    .end(JSON.createObjectNode().put("message", "No schedule " + name + "; the stack has " + known).toString());
            return;
        }
        // The targets run to their end (a sweeper may take seconds): off the event loop, unordered.
        vertx.executeBlocking(() -> scheduler.fireNow(rule.logicalId()), false).onSuccess(results -> {
            ObjectNode answer = describe(rule);
            answer.set("invocations", invocations(rule, results));
            context.response().putHeader("Content-Type", "application/json").end(answer.toString());
        }).onFailure(context::fail);
    }

    private static ObjectNode describe(ScheduleSpec rule) {
        ObjectNode json = JSON.createObjectNode()
                .put("logicalId", rule.logicalId())
                .put("name", rule.name())
                .put("expression", rule.scheduleExpression())
                .put("enabled", rule.enabled());
        ArrayNode targets = json.putArray("targets");
        for (ScheduleSpec.Target target : rule.targets()) {
            ObjectNode entry = targets.addObject().put("function", target.functionName());
            if (target.inputJson() != null) {
                entry.put("input", target.inputJson());
            }
        }
        return json;
    }

    /** Results come back in the order of the rule's targets. */
    private static ArrayNode invocations(ScheduleSpec rule, List<InvocationResult> results) {
        ArrayNode invocations = JSON.createArrayNode();
        for (int i = 0; i < results.size(); i++) {
            InvocationResult result = results.get(i);
            ObjectNode entry = invocations.addObject()
                    .put("function", rule.targets().get(i).functionName())
                    .put("requestId", result.requestId())
                    .put("status", result.status().name())
                    .put("durationMs", result.durationMillis());
            if (result.errorType() != null) {
                entry.put("errorType", result.errorType());
            }
            if (result.errorMessage() != null) {
                entry.put("errorMessage", result.errorMessage());
            }
        }
        return invocations;
    }
}
