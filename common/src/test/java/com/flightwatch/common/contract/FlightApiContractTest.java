package com.flightwatch.common.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.common.validation.FieldRules;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** openapi/flight-api.yaml is the contract the gateway enforces; these checks keep it whole. */
class FlightApiContractTest {

    static final Path DOCUMENT = Path.of("..", "openapi", "flight-api.yaml");
    private static SwaggerParseResult result;
    private static OpenAPI api;

    @BeforeAll
    static void parse() {
        assertThat(DOCUMENT).exists();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        result = new OpenAPIV3Parser().readLocation(DOCUMENT.toString(), null, options);
        api = result.getOpenAPI();
    }

    @Test
    void parse_reportsNoMessages() {
        assertThat(result.getMessages()).isEmpty();
        assertThat(api.getOpenapi()).isEqualTo("3.0.3");
    }

    @Test
    void paths_areTheFiveOperationsOfTheDesign() {
        List<String> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operations.add(method + " " + path)));

        assertThat(operations).containsExactlyInAnyOrder("POST /flights", "GET /flights/{flightId}",
                "POST /flights/{flightId}/passengers", "POST /notifications", "GET /alerts");
    }

    @Test
    void everyOperation_hasAnAwsProxyIntegrationOnItsFunction() {
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> integration = (Map<String, Object>) operation.getExtensions()
                    .get("x-amazon-apigateway-integration");
            String function = path.startsWith("/flights") ? "${FlightsFunctionArn}" : "${AlertsFunctionArn}";

            assertThat(integration).as(method + " " + path).containsEntry("type", "aws_proxy")
                    .containsEntry("httpMethod", "POST")
                    .containsEntry("uri", "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"
                            + function + "/invocations");
        }));
    }

    @Test
    void everyOperation_requiresTheApiKeyHeader() {
        SecurityScheme scheme = api.getComponents().getSecuritySchemes().get("api_key");
        assertThat(scheme.getType()).isEqualTo(SecurityScheme.Type.APIKEY);
        assertThat(scheme.getIn()).isEqualTo(SecurityScheme.In.HEADER);
        assertThat(scheme.getName()).isEqualTo("x-api-key");
        assertThat(api.getSecurity()).extracting(requirement -> requirement.keySet()).containsExactly(Set.of("api_key"));

        for (PathItem item : api.getPaths().values()) {
            for (Operation operation : item.readOperations()) {
                List<SecurityRequirement> own = operation.getSecurity();
                assertThat(own == null || own.stream().allMatch(r -> r.containsKey("api_key")))
                        .as(operation.getOperationId()).isTrue();
            }
        }
        assertThat(api.getExtensions()).containsEntry("x-amazon-apigateway-api-key-source", "HEADER");
    }

    @Test
    @SuppressWarnings("unchecked")
    void topLevel_declaresValidatorsAndGatewayResponsesThatNameTheField() {
        Map<String, Object> extensions = api.getExtensions();
        assertThat(extensions).containsEntry("x-amazon-apigateway-request-validator", "all");
        assertThat((Map<String, Object>) extensions.get("x-amazon-apigateway-request-validators")).containsKeys("all", "params-only");

        Map<String, Object> responses = (Map<String, Object>) extensions.get("x-amazon-apigateway-gateway-responses");
        Map<String, String> templates = Map.of(
                "BAD_REQUEST_BODY", "{\"message\": \"$context.error.message: $context.error.validationErrorString\"}",
                "BAD_REQUEST_PARAMETERS", "{\"message\": $context.error.messageString}");
        templates.forEach((type, template) -> {
            Map<String, Object> response = (Map<String, Object>) responses.get(type);
            assertThat(response.get("statusCode")).as(type).isEqualTo(400);
            assertThat((Map<String, Object>) response.get("responseTemplates")).containsEntry("application/json", template);
        });
    }

    @Test
    void requestBodies_rejectUnknownProperties() {
        for (String name : List.of("CreateFlightRequest", "AddPassengersRequest", "PassengerInput", "NotificationRequest")) {
            assertThat(schema(name).getAdditionalProperties()).as(name).isEqualTo(Boolean.FALSE);
        }
    }

    @Test
    void everyString_hasAMaxLength() {
        List<String> unbounded = new ArrayList<>();
        api.getComponents().getSchemas().forEach((name, schema) -> collectUnbounded(name, schema, unbounded));
        for (PathItem item : api.getPaths().values()) {
            for (Operation operation : item.readOperations()) {
                for (Parameter parameter : operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
                    collectUnbounded(operation.getOperationId() + "." + parameter.getName(), parameter.getSchema(), unbounded);
                }
            }
        }

        assertThat(unbounded).isEmpty();
    }

    @Test
    void patterns_matchTheRulesTheFunctionsCheck() {
        assertSamePattern("FlightNumber", FieldRules.FLIGHT_NUMBER);
        assertSamePattern("Airport", FieldRules.AIRPORT);
        assertSamePattern("Phone", FieldRules.E164_PHONE);
        assertSamePattern("Date", FieldRules.DATE);
        assertSamePattern("DateTime", FieldRules.DATE_TIME);
        assertSamePattern("Id", FieldRules.ID);
        assertSamePattern("PersonName", FieldRules.NO_CONTROL_CHARS);
        assertThat(schema("FlightNumber").getMaxLength()).isEqualTo(FieldRules.FLIGHT_NUMBER_MAX);
        assertThat(schema("Phone").getMaxLength()).isEqualTo(FieldRules.PHONE_MAX);
        assertThat(schema("PersonName").getMaxLength()).isEqualTo(FieldRules.NAME_MAX);
        Schema<?> reason = property("NotificationRequest", "reason");
        assertThat(reason.getMaxLength()).isEqualTo(FieldRules.REASON_MAX);
        assertThat(reason.getPattern()).isEqualTo(FieldRules.NO_CONTROL_CHARS.pattern());
        assertThat(property("PassengerInput", "email").getPattern()).isEqualTo(FieldRules.EMAIL.pattern());
        assertThat(property("CreateFlightRequest", "passengers").getMaxItems()).isEqualTo(FieldRules.PASSENGERS_MAX);
        assertThat(property("AddPassengersRequest", "passengers").getMaxItems()).isEqualTo(FieldRules.PASSENGERS_MAX);
    }

    @Test
    void document_isPlainAsciiYaml() throws Exception {
        String text = Files.readString(DOCUMENT);

        assertThat(text.chars().allMatch(c -> c < 128)).isTrue();
    }

    private static void assertSamePattern(String schemaName, Pattern rule) {
        assertThat(schema(schemaName).getPattern()).as(schemaName).isEqualTo(rule.pattern());
    }

    private static Schema<?> schema(String name) {
        return api.getComponents().getSchemas().get(name);
    }

    private static Schema<?> property(String schemaName, String propertyName) {
        return schema(schemaName).getProperties().get(propertyName);
    }

    private static void collectUnbounded(String where, Schema<?> schema, List<String> unbounded) {
        if (schema == null || schema.get$ref() != null) {
            return;
        }
        if ("string".equals(schema.getType()) && schema.getEnum() == null && schema.getMaxLength() == null) {
            unbounded.add(where);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> collectUnbounded(where + "." + name, property, unbounded));
        }
        if (schema.getItems() != null) {
            collectUnbounded(where + "[]", schema.getItems(), unbounded);
        }
    }
}
