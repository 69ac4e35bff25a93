package com.flightwatch.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.lambda.InvocationStatus;
import com.flightwatch.platform.stack.ThrottleSpec;
import com.flightwatch.platform.stack.UsagePlanSpec;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * API Gateway's answers, one row each: request → status, body, {@code x-amzn-ErrorType}. The
 * document has no gateway response overrides here, so every body is API Gateway's default. The
 * stateful rows (burst, steady rate, quota and its reset, restart) are in {@link UsagePlanIT} and
 * {@link JdbcQuotaStoreIT}; docs/gateway-conformance.md lists all of them.
 */
class GatewayConformanceIT {

    private static final String OK = "{\"statusCode\": 200, \"body\": \"ok\"}";

    private static GatewayHarness gateway;

    /** One request and what API Gateway answers it. {@code errorType} null: a success, no such header. */
    record Row(String method, String path, String key, Map<String, String> headers, String body,
               int status, String expectedBody, String errorType) {
    }

    @BeforeAll
    static void start() {
        UsagePlanSpec plan = new UsagePlanSpec("Plan", "plan", new ThrottleSpec(1000, 1000), Map.of(), null,
                List.of("LibraryKey", "DisabledKey"));
        gateway = new GatewayHarness(document -> document.remove("x-amazon-apigateway-gateway-responses"),
                new GatewaySettings("127.0.0.1", 0), List.of(plan), Map.of(), null);
        gateway.invoker.answering("books", OK).answering("ping", OK)
                .on("featured", event -> ScriptedInvoker.failed(InvocationStatus.FUNCTION_ERROR))
                .on("files", event -> ScriptedInvoker.failed(InvocationStatus.THROTTLED))
                .on("slow", event -> ScriptedInvoker.failed(InvocationStatus.TIMEOUT));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    static Stream<Arguments> rows() {
        String key = GatewayHarness.KEY;
        String missingToken = "{\"message\":\"Missing Authentication Token\"}";
        String forbidden = "{\"message\":\"Forbidden\"}";
        String internal = "{\"message\": \"Internal server error\"}";
        return Stream.of(
                row("unknown path", "GET", "/authors", key, Map.of(), null, 403, missingToken, "MissingAuthenticationTokenException"),
                row("unknown method", "DELETE", "/books/42", key, Map.of(), null, 403, missingToken, "MissingAuthenticationTokenException"),
                row("no key", "GET", "/books/42", null, Map.of(), null, 403, forbidden, "ForbiddenException"),
                row("unknown key", "GET", "/books/42", "no-such-key-0123456789", Map.of(), null, 403, forbidden, "ForbiddenException"),
                row("disabled key", "GET", "/books/42", GatewayHarness.DISABLED_KEY, Map.of(), null, 403, forbidden, "ForbiddenException"),
                row("key in no plan of the stage", "GET", "/books/42", GatewayHarness.UNPLANNED_KEY, Map.of(), null, 403, forbidden,
                        "ForbiddenException"),
                row("another API's key", "GET", "/books/42", GatewayHarness.OTHER_APIS_KEY, Map.of(), null, 403, forbidden,
                        "ForbiddenException"),
                row("valid key", "GET", "/books/42", key, Map.of(), null, 200, "ok", null),
                row("stage in the path", "GET", "/test/books/42", key, Map.of(), null, 200, "ok", null),
                row("no key needed", "GET", "/ping", null, Map.of(), null, 200, "ok", null),
                row("greedy path", "GET", "/files/a/b/c.txt", key, Map.of(), null, 429, "{\"message\":\"Too Many Requests\"}",
                        "TooManyRequestsException"),
                row("missing required parameters", "GET", "/books", key, Map.of(), null, 400,
                        "{\"message\": \"Missing required request parameters: [author, X-Trace]\"}", "BadRequestException"),
                row("body not JSON", "POST", "/books", key, Map.of("Content-Type", "application/json"), "{\"title\": ", 400,
                        "{\"message\": \"Invalid request body\"}", "BadRequestException"),
                row("function error", "GET", "/books/featured", key, Map.of(), null, 502, internal, "InternalServerErrorException"),
                row("function timed out (its own timeout)", "GET", "/slow", null, Map.of(), null, 502, internal,
                        "InternalServerErrorException"),
                row("CORS preflight (mock)", "OPTIONS", "/books/42", null, Map.of("Origin", "https://library.example"), null, 204,
                        "", null),
                row("mock integration", "GET", "/mock", null, Map.of(), null, 200, "{\"mocked\": true}", null));
    }

    private static Arguments row(String name, String method, String path, String key, Map<String, String> headers, String body,
                                 int status, String expectedBody, String errorType) {
        return Arguments.of(Named.of(name, new Row(method, path, key, headers, body, status, expectedBody, errorType)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void request_answersAsApiGatewayDoes(Row row) {
        HttpRequest.Builder request = gateway.request(row.path())
                .method(row.method(), row.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(row.body()));
        if (row.key() != null) {
            request.header("x-api-key", row.key());
        }
        row.headers().forEach(request::header);

        HttpResponse<String> response = gateway.send(request);

        assertThat(response.statusCode()).isEqualTo(row.status());
        assertThat(response.body()).isEqualTo(row.expectedBody());
        assertThat(response.headers().firstValue("x-amzn-RequestId")).get().asString().matches("[0-9a-f-]{36}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).isEqualTo(Optional.ofNullable(row.errorType()));
    }

    @Test
    void options_corsPreflight_answersTheMockIntegrationsHeaders() {
        int callsBefore = gateway.invoker.calls().size();

        HttpResponse<String> response = gateway.send(gateway.request("/books/42")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://library.example")
                .header("Access-Control-Request-Method", "PUT"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://library.example");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("OPTIONS,GET,PUT");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValue("Content-Type,X-Api-Key");
        assertThat(gateway.invoker.calls()).hasSize(callsBefore);
    }
}
