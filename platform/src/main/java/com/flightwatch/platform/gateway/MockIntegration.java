package com.flightwatch.platform.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An operation's {@code mock} integration — how CDK and the console answer CORS preflights: the
 * integration's default response, its status, its {@code method.response.header.*} parameters
 * with literal values, and its {@code application/json} template as the body (taken as it is:
 * the platform renders no Velocity).
 */
record MockIntegration(int statusCode, Map<String, String> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "method.response.header.";

    /** @param integration the operation's {@code x-amazon-apigateway-integration} of type mock */
    @SuppressWarnings("unchecked")
    static MockIntegration of(Map<String, Object> integration) {
        Map<String, Object> responses = new Extensions(integration).map("responses");
        Map<String, Object> response = new Extensions(responses).map("default");
        if (response.isEmpty() && !responses.isEmpty() && responses.values().iterator().next() instanceof Map<?, ?> first) {
            response = (Map<String, Object>) first;
        }
        Extensions selected = new Extensions(response);
        int status = Integer.parseInt(selected.string("statusCode", "200"));
        Map<String, String> headers = new LinkedHashMap<>();
        selected.map("responseParameters").forEach((parameter, value) -> {
            String text = String.valueOf(value);
            if (parameter.startsWith(HEADER) && text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
                headers.put(parameter.substring(HEADER.length()), text.substring(1, text.length() - 1));
            }
        });
        String body = new Extensions(selected.map("responseTemplates")).string("application/json", "");
        return new MockIntegration(status, headers, body);
    }

    /** The answer as a Lambda proxy response, so it takes the same way out as a function's. */
    byte[] asProxyResponse() {
        ObjectNode response = JSON.createObjectNode().put("statusCode", statusCode).put("body", body);
        ObjectNode headerNode = response.putObject("headers");
        headers.forEach(headerNode::put);
        return response.toString().getBytes(StandardCharsets.UTF_8);
    }
}
