package com.flightwatch.platform.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code MessageStructure=json}: the message is a JSON object of one text per protocol plus a
 * {@code default}; each subscriber gets its protocol's text, or the default.
 */
final class MessageStructure {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageStructure() {
    }

    /**
     * @param structure the request's MessageStructure: null for a plain message, else {@code json}
     * @return the text a subscriber of {@code protocol} receives
     * @throws InvalidParameterException as SNS for a structure other than json, bad JSON or no default
     */
    static String forProtocol(String structure, String message, String protocol) {
        if (structure == null || structure.isEmpty()) {
            return message;
        }
        if (!structure.equals("json")) {
            throw new InvalidParameterException("Invalid parameter: MessageStructure");
        }
        JsonNode texts;
        try {
            texts = JSON.readTree(message);
        } catch (JsonProcessingException e) {
            throw new InvalidParameterException("Invalid parameter: Message Structure - JSON message body failed to parse");
        }
        if (texts == null || !texts.isObject()) {
            throw new InvalidParameterException("Invalid parameter: Message Structure - JSON message body failed to parse");
        }
        if (!texts.path("default").isTextual()) {
            throw new InvalidParameterException("Invalid parameter: Message Structure - No default entry in JSON message body");
        }
        JsonNode own = texts.path(protocol);
        return own.isTextual() ? own.textValue() : texts.get("default").textValue();
    }
}
