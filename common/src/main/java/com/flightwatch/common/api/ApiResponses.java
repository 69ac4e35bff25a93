package com.flightwatch.common.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.flightwatch.common.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds proxy responses with a JSON body and the headers every answer carries. */
public final class ApiResponses {

    private ApiResponses() {
    }

    public static APIGatewayProxyResponseEvent json(int statusCode, Object body) {
        return rawJson(statusCode, Json.write(body), Map.of());
    }

    public static APIGatewayProxyResponseEvent json(int statusCode, Object body, Map<String, String> extraHeaders) {
        return rawJson(statusCode, Json.write(body), extraHeaders);
    }

    public static APIGatewayProxyResponseEvent created(String location, Object body) {
        return json(201, body, Map.of("Location", location));
    }

    /** For bodies that are already JSON text, such as a stored idempotent answer. */
    public static APIGatewayProxyResponseEvent rawJson(int statusCode, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.putAll(extraHeaders);
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(statusCode)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false);
    }
}
