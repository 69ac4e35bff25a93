package com.flightwatch.e2e.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OpenApiForImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void withSecurityOnEveryOperation_rootRequirement_isCopiedIntoOperationsWithoutTheirOwn() throws Exception {
        String document = """
                {"openapi": "3.0.3", "security": [{"api_key": []}],
                 "paths": {
                   "/flights": {"post": {"operationId": "createFlight"}, "parameters": []},
                   "/health": {"get": {"operationId": "health", "security": []}}}}""";

        JsonNode rewritten = JSON.readTree(OpenApiForImport.withSecurityOnEveryOperation(document));

        assertThat(rewritten.at("/paths/~1flights/post/security")).isEqualTo(JSON.readTree("[{\"api_key\": []}]"));
        assertThat(rewritten.at("/paths/~1health/get/security")).isEqualTo(JSON.readTree("[]"));
        assertThat(rewritten.at("/paths/~1flights/parameters")).isEqualTo(JSON.readTree("[]"));
    }

    @Test
    void withSecurityOnEveryOperation_noRootRequirement_leavesTheDocumentAsItIs() {
        String document = """
                {"openapi": "3.0.3", "paths": {"/flights": {"post": {"operationId": "createFlight"}}}}""";

        assertThat(OpenApiForImport.withSecurityOnEveryOperation(document)).isEqualTo(document);
    }
}
