package com.flightwatch.platform.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code x-amazon-apigateway-gateway-responses} into overrides by response type. */
final class GatewayResponsesReader {

    private GatewayResponsesReader() {
    }

    static Map<String, ResponseOverride> read(Map<String, Object> gatewayResponses) {
        Map<String, ResponseOverride> overrides = new LinkedHashMap<>();
        gatewayResponses.forEach((type, definition) -> {
            Extensions response = new Extensions(definition instanceof Map<?, ?> ? castMap(definition) : Map.of());
            overrides.put(type, new ResponseOverride(status(type, response.string("statusCode", null)),
                    strings(response.map("responseParameters")), strings(response.map("responseTemplates"))));
        });
        return overrides;
    }

    private static Integer status(String type, String statusCode) {
        if (statusCode == null) {
            return null;
        }
        try {
            return Integer.valueOf(statusCode.trim());
        } catch (NumberFormatException e) {
            throw new InvalidApiDefinitionException("The gateway response " + type + " has statusCode " + statusCode
                    + ", which is not a number", e);
        }
    }

    private static Map<String, String> strings(Map<String, Object> values) {
        Map<String, String> strings = new LinkedHashMap<>();
        values.forEach((key, value) -> strings.put(key, String.valueOf(value)));
        return strings;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
