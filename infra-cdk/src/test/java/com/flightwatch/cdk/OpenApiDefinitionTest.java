package com.flightwatch.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.cdk.exceptions.InvalidOpenApiDocumentException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.Stack;

class OpenApiDefinitionTest {

    private static final String FLIGHTS_ARN = "arn:aws:lambda:eu-west-1:111122223333:function:flights";
    private static final String ALERTS_ARN = "arn:aws:lambda:eu-west-1:111122223333:function:alerts";
    private static final Map<String, String> ARNS = Map.of(
            "FlightsFunctionArn", FLIGHTS_ARN,
            "AlertsFunctionArn", ALERTS_ARN);

    /** Resolves the Fn.sub tokens the way synthesis does; one jsii stack for the whole class. */
    private static Stack tokenResolver;

    @BeforeAll
    static void startJsii() {
        tokenResolver = new Stack();
    }

    @Test
    void withIntegrationArns_lambdaIntegrations_becomeFnSubOverOnlyTheArnTheyUse() throws Exception {
        Map<String, Object> body = resolved(OpenApiDefinition.withIntegrationArns(fixture("two-functions.yaml"), ARNS));

        assertThat(integrationUri(body, "/flights", "post")).isEqualTo(Map.of("Fn::Sub", List.of(
                "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${FlightsFunctionArn}/invocations",
                Map.of("FlightsFunctionArn", FLIGHTS_ARN))));
        assertThat(integrationUri(body, "/alerts", "get")).isEqualTo(Map.of("Fn::Sub", List.of(
                "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${AlertsFunctionArn}/invocations",
                Map.of("AlertsFunctionArn", ALERTS_ARN))));
    }

    @Test
    void withIntegrationArns_restOfDocument_isKeptAsWritten() throws Exception {
        Map<String, Object> body = resolved(OpenApiDefinition.withIntegrationArns(fixture("two-functions.yaml"), ARNS));

        assertThat(body).containsEntry("x-amazon-apigateway-api-key-source", "HEADER");
        assertThat(operation(body, "/health", "get").get("x-amazon-apigateway-integration"))
                .isEqualTo(Map.of("type", "mock",
                        "requestTemplates", Map.of("application/json", "{\"statusCode\": 200}")));
        // An unquoted YAML status code is an integer key; the body must carry it as the text "200".
        assertThat(operation(body, "/alerts", "get").get("responses")).isEqualTo(Map.of("200", Map.of("description", "ok")));
    }

    @Test
    void withIntegrationArns_whenUriUsesUnknownPlaceholder_failsNamingPlaceholderAndOperation() throws Exception {
        Path document = fixture("unknown-placeholder.yaml");

        assertThatThrownBy(() -> OpenApiDefinition.withIntegrationArns(document, ARNS))
                .isInstanceOf(InvalidOpenApiDocumentException.class)
                .hasMessageContaining("${PassengersFunctionArn}")
                .hasMessageContaining("paths./passengers.post.x-amazon-apigateway-integration")
                .hasMessageContaining(document.toString());
    }

    @Test
    void withIntegrationArns_whenNoIntegration_failsSayingApiGatewayWouldCallNothing() throws Exception {
        assertThatThrownBy(() -> OpenApiDefinition.withIntegrationArns(fixture("no-integration.yaml"), ARNS))
                .isInstanceOf(InvalidOpenApiDocumentException.class)
                .hasMessageContaining("no x-amazon-apigateway-integration");
    }

    @Test
    void withIntegrationArns_whenYamlMalformed_failsNamingTheFile(@TempDir Path directory) throws IOException {
        Path document = directory.resolve("broken.yaml");
        Files.writeString(document, "paths:\n  /flights: [unclosed\n");

        assertThatThrownBy(() -> OpenApiDefinition.withIntegrationArns(document, ARNS))
                .isInstanceOf(InvalidOpenApiDocumentException.class)
                .hasMessageContaining(document.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolved(Map<String, Object> body) {
        return (Map<String, Object>) tokenResolver.resolve(body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> operation(Map<String, Object> body, String path, String method) {
        Map<String, Object> paths = (Map<String, Object>) body.get("paths");
        return (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get(method);
    }

    @SuppressWarnings("unchecked")
    private static Object integrationUri(Map<String, Object> body, String path, String method) {
        return ((Map<String, Object>) operation(body, path, method).get("x-amazon-apigateway-integration")).get("uri");
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(OpenApiDefinitionTest.class.getResource("/openapi/" + name).toURI());
    }
}
