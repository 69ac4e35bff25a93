package com.flightwatch.platform.activations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/**
 * An activation as JSON, in OpenWhisk's field names where the two records overlap ({@code name},
 * {@code version}, {@code start}/{@code end} in epoch milliseconds, {@code duration}, {@code cause},
 * {@code response}, {@code logs} as lines, {@code annotations} with {@code kind}, {@code limits},
 * {@code waitTime}, {@code initTime}), plus the platform's own: {@code trigger}, the fine-grained
 * {@code status}, {@code initDuration}, {@code errorType}, {@code errorMessage}.
 */
final class ActivationJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private ActivationJson() {
    }

    /** What a list shows: everything but the result and the logs. */
    static ObjectNode summary(Activation activation) {
        ObjectNode json = JSON.createObjectNode()
                .put("activationId", activation.activationId())
                .put("name", activation.functionName())
                .put("version", activation.version())
                .put("trigger", activation.trigger())
                .put("start", activation.start().toEpochMilli())
                .put("end", activation.end().toEpochMilli())
                .put("duration", activation.durationMs())
                .put("status", activation.status());
        if (activation.cause() != null) {
            json.put("cause", activation.cause());
        }
        if (activation.initDurationMs() != null) {
            json.put("initDuration", activation.initDurationMs());
        }
        json.put("waitTime", activation.waitTimeMs());
        if (activation.errorType() != null) {
            json.put("errorType", activation.errorType());
        }
        if (activation.errorMessage() != null) {
            json.put("errorMessage", activation.errorMessage());
        }
        json.set("response", response(activation, false));
        json.set("annotations", annotations(activation));
        return json;
    }

    /** The whole record: the summary with the result (in {@code response.result}) and the logs. */
    static ObjectNode full(Activation activation) {
        ObjectNode json = summary(activation);
        json.set("response", response(activation, true));
        ArrayNode logs = json.putArray("logs");
        String text = activation.logs() == null ? "" : activation.logs();
        if (!text.isEmpty()) {
            text.lines().forEach(logs::add);
        }
        return json;
    }

    /**
     * OpenWhisk's {@code response}: its status words and code (0 success, 1 the function's error,
     * 2 the function's fault at init, timeout or crash, 3 the platform's), and the result as JSON when
     * it parses (a capped result does not, and stays text).
     */
    static ObjectNode response(Activation activation, boolean withResult) {
        int code = switch (activation.status()) {
            case "SUCCESS" -> 0;
            case "FUNCTION_ERROR" -> 1;
            case "INIT_ERROR", "TIMEOUT", "CRASHED" -> 2;
            default -> 3;
        };
        ObjectNode response = JSON.createObjectNode()
                .put("status", switch (code) {
                    case 0 -> "success";
                    case 1 -> "application error";
                    case 2 -> "action developer error";
                    default -> "whisk internal error";
                })
                .put("statusCode", code)
                .put("success", code == 0);
        if (withResult) {
            response.set("result", result(activation.result()));
        }
        return response;
    }

    private static JsonNode result(String result) {
        if (result == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(result);
        } catch (IOException notJson) {
            return TextNode.valueOf(result);
        }
    }

    private static ArrayNode annotations(Activation activation) {
        ArrayNode annotations = JSON.createArrayNode();
        if (activation.kind() != null) {
            annotations.addObject().put("key", "kind").put("value", activation.kind());
        }
        if (activation.memoryLimitMb() != null) {
            ObjectNode limits = annotations.addObject().put("key", "limits").putObject("value");
            limits.put("memory", activation.memoryLimitMb());
        }
        annotations.addObject().put("key", "waitTime").put("value", activation.waitTimeMs());
        if (activation.initDurationMs() != null) {
            annotations.addObject().put("key", "initTime").put("value", activation.initDurationMs());
        }
        return annotations;
    }
}
