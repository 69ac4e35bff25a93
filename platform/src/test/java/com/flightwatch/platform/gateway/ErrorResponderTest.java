package com.flightwatch.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorResponderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GatewayRequest REQUEST = new GatewayRequest("req-1", "POST", "/books", Map.of(), Map.of(),
            new byte[0], "127.0.0.1", "HTTP/1.1", 0);

    @Test
    void respond_noOverride_writesApiGatewaysDefaultBodyAndHeaders() {
        GatewayResponse response = new ErrorResponder(Map.of(), "prod").respond(new InvalidApiKeyException(), REQUEST, null);

        assertThat(response.status()).isEqualTo(403);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(response.headers()).containsEntry("x-amzn-ErrorType", List.of("ForbiddenException"))
                .containsEntry("Content-Type", List.of("application/json"));
    }

    @Test
    void respond_templateWithVariables_substitutesThemJsonEscaped() throws Exception {
        ResponseOverride override = new ResponseOverride(null, Map.of(), Map.of("application/json",
                "{\"m\": $context.error.messageString, \"v\": \"$context.error.validationErrorString\", \"r\": \"$context.requestId\"}"));
        BadRequestBodyException error = new BadRequestBodyException(List.of("$.name: must be \"x\" \\ not y"));

        GatewayResponse response = new ErrorResponder(Map.of("BAD_REQUEST_BODY", override), "prod").respond(error, REQUEST, null);

        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("m").asText()).isEqualTo("Invalid request body");
        assertThat(body.get("v").asText()).isEqualTo("[$.name: must be \"x\" \\ not y]");
        assertThat(body.get("r").asText()).isEqualTo("req-1");
    }

    @Test
    void respond_default4xxOverride_changesTheLookButNotTheStatus() {
        ResponseOverride default4xx = new ResponseOverride(418, Map.of("gatewayresponse.header.X-Api", "'library'"),
                Map.of("application/json", "{\"error\": $context.error.messageString}"));

        GatewayResponse response = new ErrorResponder(Map.of("DEFAULT_4XX", default4xx), "prod")
                .respond(new MissingAuthenticationTokenException(), REQUEST, null);

        assertThat(response.status()).isEqualTo(403);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"error\": \"Missing Authentication Token\"}");
        assertThat(response.headers()).containsEntry("X-Api", List.of("library"));
    }
}
