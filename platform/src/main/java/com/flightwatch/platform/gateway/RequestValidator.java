package com.flightwatch.platform.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Step three: the operation's request validator — required parameters present, body valid
 * against the operation's JSON schema for its media type — as {@code x-amazon-apigateway-request-validator} asks.
 */
final class RequestValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_MEDIA_TYPE = "application/json";

    void validate(MatchedRoute matched, GatewayRequest request) {
        Route route = matched.route();
        if (route.validateParameters()) {
            validateParameters(matched, request);
        }
        if (route.validateBody()) {
            validateBody(route, request);
        }
    }

    private static void validateParameters(MatchedRoute matched, GatewayRequest request) {
        List<String> missing = new ArrayList<>();
        for (RequiredParameter parameter : matched.route().requiredParameters()) {
            boolean present = switch (parameter.in()) {
                case "query" -> request.query().containsKey(parameter.name());
                case "header" -> request.hasHeader(parameter.name());
                case "path" -> matched.pathParameters().containsKey(parameter.name());
                default -> true;
            };
            if (!present) {
                missing.add(parameter.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new BadRequestParametersException(missing);
        }
    }

    private static void validateBody(Route route, GatewayRequest request) {
        Schema schema = schemaFor(route, request.header("Content-Type"));
        if (schema == null) {
            return;
        }
        if (request.body().length == 0) {
            if (route.bodyRequired()) {
                throw new BadRequestBodyException(List.of("$: a request body is required"));
            }
            return;
        }
        // Jackson reads overlong forms and encoded surrogates without complaint; the proxy event would then
        // carry U+FFFD in their place, and the function store text the client never sent.
        if (!isUtf8(request.body())) {
            throw new BadRequestBodyException(List.of("$: the body is not valid UTF-8"));
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (IOException e) {
            throw new BadRequestBodyException(List.of("$: the body is not valid JSON"));
        }
        List<Error> errors = schema.validate(body);
        if (!errors.isEmpty()) {
            throw new BadRequestBodyException(errors.stream().map(Error::toString).toList());
        }
    }

    /** Strict UTF-8: no overlong forms, no encoded surrogates, nothing past U+10FFFF. */
    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The model for the request's media type, else the JSON one, as API Gateway picks it. */
    private static Schema schemaFor(Route route, String contentType) {
        if (contentType != null) {
            String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            Schema schema = route.bodySchemas().get(mediaType);
            if (schema != null) {
                return schema;
            }
        }
        return route.bodySchemas().get(DEFAULT_MEDIA_TYPE);
    }
}
