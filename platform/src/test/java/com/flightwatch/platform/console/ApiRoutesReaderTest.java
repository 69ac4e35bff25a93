package com.flightwatch.platform.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.platform.console.ApiRoutesReader.ApiRoute;
import org.junit.jupiter.api.Test;

class ApiRoutesReaderTest {

    static final String OPEN_API = """
            {"openapi": "3.0.1", "security": [{"api_key": []}],
             "components": {"securitySchemes": {"api_key": {"type": "apiKey", "name": "x-api-key", "in": "header"}}},
             "paths": {
               "/books": {
                 "get": {"x-amazon-apigateway-integration": {"type": "aws_proxy",
                   "uri": "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:library-fn/invocations"}},
                 "post": {"security": [], "x-amazon-apigateway-integration": {"type": "mock"}}
               },
               "/books/{id}": {
                 "parameters": [],
                 "x-amazon-apigateway-any-method": {"x-amazon-apigateway-integration": {"type": "aws_proxy",
                   "uri": "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:book-fn/invocations"}}
               }}}
            """;

    @Test
    void routes_openApi3Document_givesMethodPathFunctionAndKeyRequirement() {
        assertThat(ApiRoutesReader.routes(OPEN_API)).containsExactly(
                new ApiRoute("GET", "/books", "library-fn", true),
                new ApiRoute("POST", "/books", null, false),
                new ApiRoute("ANY", "/books/{id}", "book-fn", true));
    }

    @Test
    void routes_swagger2SecurityDefinitions_readsTheKeyRequirementToo() {
        String swagger = """
                {"swagger": "2.0", "securityDefinitions": {"key": {"type": "apiKey", "name": "x-api-key", "in": "header"}},
                 "paths": {"/ping": {"get": {"security": [{"key": []}]}}}}
                """;

        assertThat(ApiRoutesReader.routes(swagger)).containsExactly(new ApiRoute("GET", "/ping", null, true));
    }

    @Test
    void routes_bodyNotJson_failsNamingTheBody() {
        assertThatThrownBy(() -> ApiRoutesReader.routes("paths: {}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OpenAPI body is not JSON");
    }
}
