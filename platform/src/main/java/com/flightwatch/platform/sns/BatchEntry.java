package com.flightwatch.platform.sns;

import java.util.Map;

/** One entry of a PublishBatch: {@code id} is the caller's, unique within the batch. */
public record BatchEntry(String id, String subject, String message, Map<String, MessageAttribute> attributes) {

    public BatchEntry {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
