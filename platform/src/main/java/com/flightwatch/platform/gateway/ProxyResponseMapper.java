package com.flightwatch.platform.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.lambda.InvocationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step six: the function's proxy response ({@code statusCode}, {@code headers},
 * {@code multiValueHeaders}, {@code body}, {@code isBase64Encoded}) becomes the HTTP response.
 * Anything else — a function error, a document with other fields or the wrong types — is what API
 * Gateway calls a malformed Lambda proxy response: 502.
 */
final class ProxyResponseMapper {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded");

    GatewayResponse toResponse(InvocationResult result) {
        switch (result.status()) {
            case SUCCESS:
                return fromProxyResponse(result.payload());
            case TIMEOUT:
                // Lambda answers a function that overran its own timeout with a function error ("Task timed out
                // after N.NN seconds"), and API Gateway answers that 502 like any other; its 504 is only for the
                // integration's timeout, which RequestPipeline enforces.
            case FUNCTION_ERROR:
            case INIT_ERROR:
            case CRASHED:
                throw IntegrationFailureException.badGateway();
            case THROTTLED:
                throw new ThrottledException();
            default:
                throw IntegrationFailureException.notInvoked();
        }
    }

    private static GatewayResponse fromProxyResponse(byte[] payload) {
        JsonNode response;
        try {
            response = JSON.readTree(payload);
        } catch (IOException e) {
            throw IntegrationFailureException.badGateway();
        }
        if (response == null || !response.isObject() || !onlyProxyResponseFields(response)) {
            throw IntegrationFailureException.badGateway();
        }
        int status = statusCode(response.get("statusCode"));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        JsonNode single = response.path("headers");
        if (!single.isMissingNode() && !single.isNull()) {
            requireObject(single);
            single.properties().forEach(e -> headers.put(e.getKey(), new ArrayList<>(List.of(scalar(e.getValue())))));
        }
        JsonNode multi = response.path("multiValueHeaders");
        if (!multi.isMissingNode() && !multi.isNull()) {
            requireObject(multi);
            multi.properties().forEach(e -> {
                if (!e.getValue().isArray()) {
                    throw IntegrationFailureException.badGateway();
                }
                List<String> values = headers.computeIfAbsent(e.getKey(), name -> new ArrayList<>());
                e.getValue().forEach(value -> values.add(scalar(value)));
            });
        }
        return new GatewayResponse(status, headers, body(response));
    }

    private static byte[] body(JsonNode response) {
        JsonNode body = response.path("body");
        if (body.isMissingNode() || body.isNull()) {
            return new byte[0];
        }
        if (!body.isTextual()) {
            throw IntegrationFailureException.badGateway();
        }
        JsonNode base64 = response.path("isBase64Encoded");
        if (base64.isBoolean() && base64.booleanValue()) {
            try {
                return Base64.getDecoder().decode(body.asText());
            } catch (IllegalArgumentException e) {
                throw IntegrationFailureException.badGateway();
            }
        }
        return body.asText().getBytes(StandardCharsets.UTF_8);
    }

    private static int statusCode(JsonNode statusCode) {
        if (statusCode == null) {
            throw IntegrationFailureException.badGateway();
        }
        try {
            int status = statusCode.isInt() ? statusCode.intValue() : Integer.parseInt(statusCode.asText());
            if (status < 100 || status > 599) {
                throw IntegrationFailureException.badGateway();
            }
            return status;
        } catch (NumberFormatException e) {
            throw IntegrationFailureException.badGateway();
        }
    }

    private static void requireObject(JsonNode node) {
        if (!node.isObject()) {
            throw IntegrationFailureException.badGateway();
        }
    }

    private static String scalar(JsonNode value) {
        if (!value.isValueNode() || value.isNull()) {
            throw IntegrationFailureException.badGateway();
        }
        return value.asText();
    }

    private static boolean onlyProxyResponseFields(JsonNode node) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (!FIELDS.contains(names.next())) {
                return false;
            }
        }
        return true;
    }
}
