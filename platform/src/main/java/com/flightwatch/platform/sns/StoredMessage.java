package com.flightwatch.platform.sns;

import java.time.Instant;
import java.util.Map;

/** A message as stored by Publish, before any delivery. {@code subject} may be null. */
public record StoredMessage(String messageId, String topicArn, String subject, String message,
                           Map<String, MessageAttribute> attributes, Instant publishedAt) {

    public StoredMessage {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
