package com.flightwatch.common.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.flightwatch.common.json.Json;
import java.util.Optional;

/**
 * The body of a message on the alerts topic. It carries the alert id only: the SMS function reads
 * phone and text from the database, so no phone number travels through the topic (or its logs and
 * dead-letter store), and the id is the idempotency key of the delivery.
 */
public record AlertMessage(String alertId) {

    /** Message attribute naming the notification type, for subscription filter policies. */
    public static final String TYPE_ATTRIBUTE = "notificationType";

    public String toJson() {
        return Json.write(this);
    }

    /** Empty when the body is not an alert message (not JSON, or no alertId). */
    public static Optional<AlertMessage> parse(String body) {
        if (body == null) {
            return Optional.empty();
        }
        try {
            AlertMessage message = Json.read(body, AlertMessage.class);
            return message == null || message.alertId() == null || message.alertId().isBlank()
                    ? Optional.empty() : Optional.of(message);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
