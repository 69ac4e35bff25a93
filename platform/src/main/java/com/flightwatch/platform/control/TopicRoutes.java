package com.flightwatch.platform.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.sns.DeadLetter;
import com.flightwatch.platform.sns.SnsService;
import com.flightwatch.platform.sns.TopicNotFoundException;
import com.flightwatch.platform.sns.TopicSummary;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code /_platform/topics} (topics with their counts), {@code /_platform/topics/:name/dead-letters}
 * (optionally {@code ?deadLetterTargetArn=} a RedrivePolicy target), {@code POST
 * /_platform/topics/:name/dead-letters/redrive}, whose optional JSON body {@code {"deliveryIds": [..]}}
 * narrows the redrive to some letters, and {@code /_platform/dead-letter-queues/:name}, the dead
 * letters whose RedrivePolicy named that queue. Answers are JSON.
 */
final class TopicRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Vertx vertx;
    private final SnsService sns;

    TopicRoutes(Vertx vertx, SnsService sns) {
        this.vertx = vertx;
        this.sns = sns;
    }

    /** Mounts the routes; the redrive's body is read here, so no body handler is needed before it. */
    void mount(Router router, long maxBodyBytes) {
        router.get("/_platform/topics").handler(this::topics);
        router.get("/_platform/topics/:name/dead-letters").handler(this::deadLetters);
        router.post("/_platform/topics/:name/dead-letters/redrive")
                .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes)).handler(this::redrive);
        router.get("/_platform/dead-letter-queues/:name").handler(this::deadLetterQueue);
    }

    void topics(RoutingContext context) {
        answer(context, () -> JSON.writeValueAsString(sns.topicSummaries().stream().map(TopicRoutes::row).toList()));
    }

    void deadLetters(RoutingContext context) {
        String name = context.pathParam("name");
        String target = context.request().getParam("deadLetterTargetArn");
        String onlyTarget = target == null || target.isEmpty() ? null : target;
        answer(context, () -> JSON.writeValueAsString(sns.deadLetters(name, onlyTarget).stream().map(TopicRoutes::row).toList()));
    }

    /** The dead letters whose subscription's RedrivePolicy named the queue: what that SQS queue would hold. */
    void deadLetterQueue(RoutingContext context) {
        String name = context.pathParam("name");
        answer(context, () -> JSON.writeValueAsString(sns.deadLettersOfQueue(name).stream().map(TopicRoutes::row).toList()));
    }

    void redrive(RoutingContext context) {
        String name = context.pathParam("name");
        List<Long> ids;
        try {
            ids = deliveryIds(context.body().asString());
        } catch (IllegalArgumentException e) {
            error(context, 400, e.getMessage());
            return;
        }
        answer(context, () -> JSON.writeValueAsString(Map.of("redriven", sns.redrive(name, ids))));
    }

    private void answer(RoutingContext context, Callable<String> json) {
        vertx.executeBlocking(json, false)
                .onSuccess(body -> context.response().putHeader("Content-Type", "application/json").end(body))
                .onFailure(failure -> {
                    if (failure instanceof TopicNotFoundException notFound) {
                        error(context, 404, notFound.getMessage());
                    } else {
                        context.fail(failure);
                    }
                });
    }

    private static void error(RoutingContext context, int status, String message) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("message", message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serializes", e);
        }
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }

    /** @throws IllegalArgumentException when the body is not {@code {"deliveryIds": [numbers]}} */
    static List<Long> deliveryIds(String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        JsonNode ids;
        try {
            ids = JSON.readTree(body).path("deliveryIds");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The body is not JSON: " + e.getOriginalMessage());
        }
        if (ids.isMissingNode()) {
            return List.of();
        }
        if (!ids.isArray()) {
            throw new IllegalArgumentException("deliveryIds must be an array of delivery ids");
        }
        List<Long> result = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.canConvertToLong() || !id.isIntegralNumber()) {
                throw new IllegalArgumentException("deliveryIds must be an array of delivery ids, not " + id);
            }
            result.add(id.asLong());
        }
        return result;
    }

    private static Map<String, Object> row(TopicSummary topic) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", topic.name());
        row.put("topicArn", topic.topicArn());
        row.put("subscriptions", topic.subscriptions());
        row.put("pendingDeliveries", topic.pendingDeliveries());
        row.put("deadLetters", topic.deadLetters());
        return row;
    }

    private static Map<String, Object> row(DeadLetter letter) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("deliveryId", letter.deliveryId());
        row.put("messageId", letter.messageId());
        row.put("subscriptionArn", letter.subscriptionArn());
        row.put("endpoint", letter.endpoint());
        row.put("attempts", letter.attempts());
        row.put("lastError", letter.lastError());
        row.put("deadAt", TIMESTAMP.format(letter.deadAt()));
        row.put("deadLetterTargetArn", letter.deadLetterTargetArn());
        return row;
    }
}
