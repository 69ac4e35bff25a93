package com.flightwatch.e2e.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The OpenAPI document as LocalStack's importer needs it to mean what it means on API Gateway.
 * OpenAPI applies the root {@code security} requirement to every operation that sets none of its
 * own, and API Gateway requires the API key on each of them; LocalStack's importer reads
 * {@code security} per operation only, so it would import methods that need no key. Writing the
 * root requirement into each such operation says the same thing in a form it reads.
 */
final class OpenApiForImport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace", "x-amazon-apigateway-any-method");

    private OpenApiForImport() {
    }

    /** {@code openApiJson} with the root {@code security} copied into every operation that has none. */
    static String withSecurityOnEveryOperation(String openApiJson) {
        JsonNode document = read(openApiJson);
        JsonNode rootSecurity = document.get("security");
        if (rootSecurity == null || !document.path("paths").isObject()) {
            return openApiJson;
        }
        document.path("paths").forEach(path -> path.properties().forEach(entry -> {
            if (OPERATIONS.contains(entry.getKey()) && entry.getValue() instanceof ObjectNode operation
                    && !operation.has("security")) {
                operation.set("security", rootSecurity.deepCopy());
            }
        }));
        try {
            return JSON.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String openApiJson) {
        try {
            return JSON.readTree(openApiJson);
        } catch (IOException e) {
            throw new DeploymentException("The stack's OpenAPI body is not JSON: " + e.getMessage());
        }
    }
}
