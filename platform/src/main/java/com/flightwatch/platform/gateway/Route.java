package com.flightwatch.platform.gateway;

import com.networknt.schema.Schema;
import java.util.List;
import java.util.Map;

/**
 * One operation of the API, ready to serve.
 *
 * @param method              upper-case HTTP method, or {@code ANY} for {@code x-amazon-apigateway-any-method}
 * @param functionName        the Lambda function of the {@code aws_proxy} integration; null for other integration types
 * @param bodySchemas         the request body's schema by media type (validated only when {@code validateBody})
 * @param mock                the answer of a {@code mock} integration; null for other integration types
 */
record Route(
        String method,
        PathTemplate path,
        String functionName,
        long timeoutMillis,
        boolean apiKeyRequired,
        boolean validateBody,
        boolean validateParameters,
        List<RequiredParameter> requiredParameters,
        boolean bodyRequired,
        Map<String, Schema> bodySchemas,
        MockIntegration mock) {

    static final String ANY = "ANY";

    boolean accepts(String httpMethod) {
        return method.equals(ANY) || method.equalsIgnoreCase(httpMethod);
    }
}
