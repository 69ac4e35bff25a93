package com.flightwatch.platform.sns;

import java.util.Map;

/**
 * One entry of a PublishBatch: {@code id} is the caller's, unique within the batch;
 * {@code messageStructure} is null for a plain message, or {@code json} for one text per protocol.
 */
public record BatchEntry(String id, String subject, String message, Map<String, MessageAttribute> attributes,
                         String messageStructure) {

    public BatchEntry {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public BatchEntry(String id, String subject, String message, Map<String, MessageAttribute> attributes) {
        this(id, subject, message, attributes, null);
    }

    public BatchEntry withMessageStructure(String structure) {
        return new BatchEntry(id, subject, message, attributes, structure);
    }
}
