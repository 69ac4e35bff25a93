package com.flightwatch.platform.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.io.IOException;
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
