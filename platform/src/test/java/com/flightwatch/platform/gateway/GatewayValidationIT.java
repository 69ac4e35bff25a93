package com.flightwatch.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Request validators and gateway responses over real sockets: one gateway with the library API's
 * {@code x-amazon-apigateway-gateway-responses}, one without them (API Gateway's defaults).
 */
class GatewayValidationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID_BOOK = "{\"title\": \"Dune\", \"subtitle\": null, \"published\": \"1965-08-01\","
            + " \"addedAt\": \"2024-05-01T10:15:30Z\", \"authors\": [{\"name\": \"Frank Herbert\", \"phone\": \"+14155550100\"}]}";

    private static GatewayHarness overridden;
    private static GatewayHarness defaults;

    @BeforeAll
    static void start() {
        overridden = new GatewayHarness();
        defaults = new GatewayHarness(document -> document.remove("x-amazon-apigateway-gateway-responses"),
                new GatewaySettings("127.0.0.1", 0));
    }

    @AfterAll
    static void stop() {
        overridden.close();
        defaults.close();
    }

    @BeforeEach
    void answer() {
        for (GatewayHarness gateway : new GatewayHarness[] {overridden, defaults}) {
            gateway.invoker.reset();
            gateway.invoker.answering("books", "{\"statusCode\": 201, \"body\": \"created\"}");
        }
    }

    @Test
    void post_validBody_reachesTheFunction() {
        HttpResponse<String> response = defaults.send(postBook(defaults, VALID_BOOK));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(defaults.invoker.calls()).hasSize(1);
    }

    @Test
    void post_invalidBody_answersApiGatewaysDefault() {
        HttpResponse<String> response = defaults.send(postBook(defaults, "{\"title\": \"\"}"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"message\": \"Invalid request body\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("BadRequestException");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(defaults.invoker.calls()).isEmpty();
    }

    @Test
    void post_fieldBreaksItsPattern_overrideNamesTheFieldByJsonPath() throws Exception {
        String book = VALID_BOOK.replace("+14155550100", "555-0100");

        HttpResponse<String> response = overridden.send(postBook(overridden, book));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("message").asText()).isEqualTo("Invalid request body:"
                + " [$.authors[0].phone: does not match the regex pattern ^\\+[1-9][0-9]{6,14}$]");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    }

    @Test
    void post_badDatesMissingFieldsAndUnknownProperty_areAllListed() throws Exception {
        String book = "{\"title\": \"Dune\", \"published\": \"1965-13-45\", \"addedAt\": \"yesterday\", \"authors\": [{}],"
                + " \"isbn\": \"x\"}";

        HttpResponse<String> response = overridden.send(postBook(overridden, book));

        String message = JSON.readTree(response.body()).get("message").asText();
        assertThat(message).startsWith("Invalid request body: [")
                .contains("$.published: does not match the date pattern")
                .contains("$.addedAt: does not match the date-time pattern")
                .contains("$.authors[0]: required property 'name' not found")
                .contains("property 'isbn' is not defined in the schema");
    }

    @Test
    void post_nullForNullableField_isValid() {
        HttpResponse<String> response = overridden.send(postBook(overridden, VALID_BOOK));

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void post_nullForNonNullableField_isInvalid() throws Exception {
        HttpResponse<String> response = overridden.send(postBook(overridden, VALID_BOOK.replace("\"Dune\"", "null")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("message").asText()).contains("$.title: null found, string expected");
    }

    @Test
    void post_bodyThatIsNotJsonOrMissing_isInvalid() {
        assertThat(defaults.send(postBook(defaults, "{\"title\": ")).body()).isEqualTo("{\"message\": \"Invalid request body\"}");
        assertThat(defaults.send(postBook(defaults, "")).statusCode()).isEqualTo(400);
    }

    @Test
    void put_operationWithAParametersOnlyValidator_passesAnInvalidBody() {
        HttpResponse<String> response = defaults.send(defaults.request("/books/42").header("x-api-key", GatewayHarness.KEY)
                .header("Content-Type", "application/json").PUT(BodyPublishers.ofString("{\"nonsense\": true}")));

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void get_requiredParametersMissing_answersApiGatewaysDefaultNamingThem() {
        HttpResponse<String> response = defaults.send(defaults.request("/books").header("x-api-key", GatewayHarness.KEY));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"message\": \"Missing required request parameters: [author, X-Trace]\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("BadRequestException");
    }

    @Test
    void get_requiredParametersPresent_reachesTheFunction() {
        HttpResponse<String> response = defaults.send(defaults.request("/books?author=herbert&author=asimov")
                .header("x-api-key", GatewayHarness.KEY).header("x-trace", "t"));

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void get_requiredParameterMissing_overrideSetsStatusAndSubstitutesEveryVariable() throws Exception {
        HttpResponse<String> response = overridden.send(overridden.request("/books?author=herbert")
                .header("x-api-key", GatewayHarness.KEY));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("message").asText()).isEqualTo("Missing required request parameters: [X-Trace]");
        assertThat(body.get("missing").asText()).isEqualTo("[X-Trace]");
        assertThat(body.get("type").asText()).isEqualTo("BAD_REQUEST_PARAMETERS");
    }

    @Test
    void get_missingKey_answersApiGatewaysDefaultForbidden() {
        HttpResponse<String> response = defaults.send(defaults.request("/books/42"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ForbiddenException");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void post_missingKeyAndInvalidBody_theKeyIsCheckedFirst() {
        HttpResponse<String> response = defaults.send(defaults.request("/books").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    private static HttpRequest.Builder postBook(GatewayHarness gateway, String body) {
        return gateway.request("/books").header("x-api-key", GatewayHarness.KEY).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body));
    }
}
