package com.flightwatch.common.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.flightwatch.common.exceptions.MalformedRequestException;
import com.flightwatch.common.exceptions.ValidationException;
import com.flightwatch.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads what a handler needs from a proxy event: the body, headers, path and query parameters. */
public final class Requests {

    private Requests() {
    }

    /** Parses the body strictly into {@code type}; every failure names the field and why. */
    public static <T> T body(APIGatewayProxyRequestEvent event, Class<T> type) {
        String body = event.getBody();
        if (body != null && Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            body = decodeBase64(body);
        }
        if (body == null || body.isBlank()) {
            throw ValidationException.of("body", "is required: send a JSON object");
        }
        T parsed;
        try {
            parsed = Json.readStrict(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw new MalformedRequestException(fieldOr(e, "body"), "is not a property of this request", e);
        } catch (MismatchedInputException e) {
            throw new MalformedRequestException(fieldOr(e, "body"), "has the wrong JSON type" + expected(e)
                    + at(e.getLocation()), e);
        } catch (JsonMappingException e) {
            throw new MalformedRequestException(fieldOr(e, "body"), "is not acceptable" + at(e.getLocation()), e);
        } catch (JsonProcessingException e) {
            throw new MalformedRequestException("body", "is not valid JSON: " + e.getOriginalMessage()
                    + at(e.getLocation()), e);
        }
        if (parsed == null) {
            throw ValidationException.of("body", "must be a JSON object, not null");
        }
        return parsed;
    }

    /** Header lookup ignoring case, as HTTP requires; clients and gateways vary in what case they send. */
    public static Optional<String> header(APIGatewayProxyRequestEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers != null) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
                    return Optional.ofNullable(header.getValue());
                }
            }
        }
        Map<String, List<String>> multi = event.getMultiValueHeaders();
        if (multi != null) {
            for (Map.Entry<String, List<String>> header : multi.entrySet()) {
                if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)
                        && header.getValue() != null && !header.getValue().isEmpty()) {
                    return Optional.ofNullable(header.getValue().get(0));
                }
            }
        }
        return Optional.empty();
    }

    public static String pathParameter(APIGatewayProxyRequestEvent event, String name) {
        Map<String, String> parameters = event.getPathParameters();
        String value = parameters == null ? null : parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw ValidationException.of(name, "is required in the path");
        }
        return value;
    }

    public static Optional<String> queryParameter(APIGatewayProxyRequestEvent event, String name) {
        Map<String, String> parameters = event.getQueryStringParameters();
        return Optional.ofNullable(parameters == null ? null : parameters.get(name));
    }

    private static String decodeBase64(String body) {
        try {
            return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException("body", "is marked base64-encoded but is not valid base64", e);
        }
    }

    private static String fieldOr(JsonMappingException e, String fallback) {
        String path = Json.fieldPath(e);
        return path.isEmpty() ? fallback : path;
    }

    private static String expected(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "";
        }
        if (CharSequence.class.isAssignableFrom(target)) {
            return ": expected a string";
        }
        if (List.class.isAssignableFrom(target) || target.isArray()) {
            return ": expected an array";
        }
        if (target.isRecord()) {
            return ": expected an object";
        }
        return "";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
