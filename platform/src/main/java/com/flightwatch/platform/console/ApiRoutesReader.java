package com.flightwatch.platform.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes of an API as the console lists them, read from its OpenAPI body: method, path, the
 * function its {@code aws_proxy} integration invokes, and whether it needs an API key.
 */
final class ApiRoutesReader {

    /** One operation of the API. @param function null when the integration is not a Lambda function */
    record ApiRoute(String method, String path, String function, boolean apiKeyRequired) {
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "x-amazon-apigateway-any-method");
    private static final Pattern FUNCTION = Pattern.compile(":function:([^/:]+)");

    private ApiRoutesReader() {
    }

    /** @throws IllegalArgumentException when the body is not JSON (the stack loader already parsed it once) */
    static List<ApiRoute> routes(String openApiJson) {
        JsonNode api;
        try {
            api = ConsoleJson.JSON.readTree(openApiJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The API's OpenAPI body is not JSON: " + e.getOriginalMessage(), e);
        }
        List<ApiRoute> routes = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (METHODS.contains(operation.getKey())) {
                    routes.add(route(api, path.getKey(), operation.getKey(), operation.getValue()));
                }
            }
        }
        return routes;
    }

    private static ApiRoute route(JsonNode api, String path, String method, JsonNode operation) {
        String uri = operation.path("x-amazon-apigateway-integration").path("uri").asText("");
        Matcher function = FUNCTION.matcher(uri);
        String shownMethod = method.startsWith("x-") ? "ANY" : method.toUpperCase(Locale.ROOT);
        return new ApiRoute(shownMethod, path, function.find() ? function.group(1) : null, needsKey(api, operation));
    }

    /** An operation's own {@code security}, else the document's, names an apiKey scheme (header x-api-key). */
    private static boolean needsKey(JsonNode api, JsonNode operation) {
        JsonNode security = operation.has("security") ? operation.path("security") : api.path("security");
        // OpenAPI 3 keeps the schemes under components; Swagger 2, which API Gateway also imports, at the top.
        JsonNode schemes = api.path("components").has("securitySchemes")
                ? api.path("components").path("securitySchemes") : api.path("securityDefinitions");
        for (JsonNode requirement : security) {
            Iterator<String> names = requirement.fieldNames();
            while (names.hasNext()) {
                JsonNode scheme = schemes.path(names.next());
                if ("apiKey".equals(scheme.path("type").asText()) && "x-api-key".equalsIgnoreCase(scheme.path("name").asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
