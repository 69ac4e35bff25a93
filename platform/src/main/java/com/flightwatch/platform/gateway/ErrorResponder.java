package com.flightwatch.platform.gateway;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place a {@link GatewayException} becomes a response: API Gateway's default status and
 * body, unless the API's {@code x-amazon-apigateway-gateway-responses} override them (the specific
 * response type first, then DEFAULT_4XX/DEFAULT_5XX), with {@code $context} variables substituted.
 */
final class ErrorResponder {

    private static final String HEADER_PARAMETER = "gatewayresponse.header.";

    private final Map<String, ResponseOverride> overrides;
    private final String stage;

    ErrorResponder(Map<String, ResponseOverride> overrides, String stage) {
        this.overrides = overrides;
        this.stage = stage;
    }

    /** @param matched the route when the failure came after matching (for path parameters and the resource path); may be null */
    GatewayResponse respond(GatewayException error, GatewayRequest request, MatchedRoute matched) {
        int status = error.status();
        String template = error.defaultTemplate();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        List<String> types = error.responseTypes();
        for (int i = types.size() - 1; i >= 0; i--) {
            ResponseOverride override = overrides.get(types.get(i));
            if (override == null) {
                continue;
            }
            // DEFAULT_4XX/5XX change how a response looks, never which status it has.
            if (i == 0 && override.statusCode() != null) {
                status = override.statusCode();
            }
            String overrideTemplate = override.responseTemplates().get("application/json");
            if (overrideTemplate == null && !override.responseTemplates().isEmpty()) {
                overrideTemplate = override.responseTemplates().values().iterator().next();
            }
            if (overrideTemplate != null) {
                template = overrideTemplate;
            }
            override.responseParameters().forEach((parameter, expression) -> {
                if (parameter.startsWith(HEADER_PARAMETER)) {
                    String value = headerValue(expression, request, matched);
                    if (value != null) {
                        headers.put(parameter.substring(HEADER_PARAMETER.length()), List.of(value));
                    }
                }
            });
        }
        headers.put("Content-Type", List.of("application/json"));
        headers.put("x-amzn-ErrorType", List.of(error.errorType()));
        byte[] body = render(template, error, request, matched).getBytes(StandardCharsets.UTF_8);
        return new GatewayResponse(status, headers, body);
    }

    private String render(String template, GatewayException error, GatewayRequest request, MatchedRoute matched) {
        // Longest names first, so $context.error.messageString is not read as $context.error.message + "String".
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("$context.error.validationErrorString", escape(error.validationErrorString()));
        variables.put("$context.error.messageString", "\"" + escape(error.getMessage()) + "\"");
        variables.put("$context.error.responseType", error.responseTypes().get(0));
        variables.put("$context.error.message", escape(error.getMessage()));
        variables.put("$context.resourcePath", matched == null ? "" : escape(matched.route().path().template()));
        variables.put("$context.httpMethod", escape(request.httpMethod()));
        variables.put("$context.requestId", request.requestId());
        variables.put("$context.stage", escape(stage));
        String body = template;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            body = body.replace(variable.getKey(), variable.getValue());
        }
        return body;
    }

    /** {@code 'literal'} or {@code method.request.header|querystring|path.NAME}; null when the request has no such value. */
    private static String headerValue(String expression, GatewayRequest request, MatchedRoute matched) {
        if (expression.length() >= 2 && expression.startsWith("'") && expression.endsWith("'")) {
            return expression.substring(1, expression.length() - 1);
        }
        if (expression.startsWith("method.request.header.")) {
            return request.header(expression.substring("method.request.header.".length()));
        }
        if (expression.startsWith("method.request.querystring.")) {
            List<String> values = request.query().get(expression.substring("method.request.querystring.".length()));
            return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
        }
        if (expression.startsWith("method.request.path.") && matched != null) {
            return matched.pathParameters().get(expression.substring("method.request.path.".length()));
        }
        return null;
    }

    private static String escape(String text) {
        return text == null ? "" : new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}
