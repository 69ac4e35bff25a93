package com.flightwatch.platform.sns;

import java.util.Map;

/**
 * One Publish: exactly one of {@code topicArn}, {@code targetArn} or {@code phoneNumber} names the
 * destination. {@code subject} may be null; {@code attributes} may be empty, never null.
 * {@code messageStructure} is null for a plain message, or {@code json} for one text per protocol.
 */
public record PublishRequest(
        String topicArn,
        String targetArn,
        String phoneNumber,
        String subject,
        String message,
        Map<String, MessageAttribute> attributes,
        String messageStructure) {

    public PublishRequest {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public static PublishRequest toTopic(String topicArn, String message) {
        return new PublishRequest(topicArn, null, null, null, message, Map.of(), null);
    }

    public static PublishRequest toPhone(String phoneNumber, String message) {
        return new PublishRequest(null, null, phoneNumber, null, message, Map.of(), null);
    }

    public PublishRequest withSubject(String newSubject) {
        return new PublishRequest(topicArn, targetArn, phoneNumber, newSubject, message, attributes, messageStructure);
    }

    public PublishRequest withAttributes(Map<String, MessageAttribute> newAttributes) {
        return new PublishRequest(topicArn, targetArn, phoneNumber, subject, message, newAttributes, messageStructure);
    }
}
