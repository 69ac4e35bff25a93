package com.flightwatch.common.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.flightwatch.common.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body of a message on the alerts topic: the ids of one or more alerts of one notification. It
 * carries ids only: the SMS function reads phone and text from the database, so no phone number
 * travels through the topic (or its logs and dead-letter store), and each id is the idempotency key
 * of its delivery. Several alerts per message is what lets a 10,000-passenger fan-out take hundreds
 * of SMS invocations instead of 10,000.
 */
public record AlertMessage(List<String> alertIds) {

    /** Message attribute naming the notification type, for subscription filter policies. */
    public static final String TYPE_ATTRIBUTE = "notificationType";
    /** At most this many alerts in one message: ~4 KB of ids, and at most a few seconds of one SMS invocation. */
    public static final int MAX_ALERTS = 100;

    public AlertMessage {
        if (alertIds == null || alertIds.isEmpty() || alertIds.size() > MAX_ALERTS) {
            throw new IllegalArgumentException("An alert message carries 1 to " + MAX_ALERTS + " alert ids, not "
                    + (alertIds == null ? "none" : alertIds.size()));
        }
        alertIds = List.copyOf(alertIds);
    }

    public static AlertMessage of(String alertId) {
        return new AlertMessage(List.of(alertId));
    }

    public String toJson() {
        return Json.write(this);
    }

    /**
     * Empty when the body is not an alert message: not JSON, no ids, or a blank or non-text id.
     * Also reads {@code {"alertId": "..."}}, the one-alert form published before messages carried
     * several, so messages stored then (retries, dead letters) are still delivered.
     */
    public static Optional<AlertMessage> parse(String body) {
        if (body == null) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        JsonNode many = root.get("alertIds");
        if (many != null && many.isArray()) {
            many.forEach(id -> ids.add(id.isTextual() ? id.asText() : null));
        } else if (root.hasNonNull("alertId")) {
            JsonNode one = root.get("alertId");
            ids.add(one.isTextual() ? one.asText() : null);
        }
        boolean valid = !ids.isEmpty() && ids.size() <= MAX_ALERTS
                && ids.stream().allMatch(id -> id != null && !id.isBlank());
        return valid ? Optional.of(new AlertMessage(ids)) : Optional.empty();
    }
}
