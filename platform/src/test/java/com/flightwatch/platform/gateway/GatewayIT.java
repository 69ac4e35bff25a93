package com.flightwatch.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.lambda.InvocationStatus;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway over real sockets: routing, API keys, the proxy event, the response and integration failures. */
class GatewayIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OK = "{\"statusCode\": 200, \"body\": \"ok\"}";

    private static GatewayHarness gateway;

    @BeforeAll
    static void start() {
        gateway = new GatewayHarness();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @BeforeEach
    void reset() {
        gateway.invoker.reset();
        gateway.invoker.answering("books", OK).answering("featured", OK).answering("files", OK).answering("ping", OK);
    }

    @Test
    void get_route_invokesTheFunctionWithAPayloadFormat1ProxyEvent() throws Exception {
        long before = System.currentTimeMillis();

        HttpResponse<String> response = gateway.send(gateway.request("/books/42?lang=en&lang=de&q=a%20b")
                .header("x-api-key", GatewayHarness.KEY).header("X-Trace", "t-1").header("X-Trace", "t-2"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(gateway.invoker.lastCall().functionName()).isEqualTo("books");
        JsonNode event = JSON.readTree(gateway.invoker.lastCall().event());
        assertThat(event.fieldNames()).toIterable().containsExactly("resource", "path", "httpMethod", "headers",
                "multiValueHeaders", "queryStringParameters", "multiValueQueryStringParameters", "pathParameters",
                "stageVariables", "requestContext", "body", "isBase64Encoded");
        assertThat(event.get("resource").asText()).isEqualTo("/books/{bookId}");
        assertThat(event.get("path").asText()).isEqualTo("/books/42");
        assertThat(event.get("httpMethod").asText()).isEqualTo("GET");
        assertThat(event.get("headers").get("X-Trace").asText()).isEqualTo("t-2");
        assertThat(event.get("headers").get("x-api-key").asText()).isEqualTo(GatewayHarness.KEY);
        assertThat(event.get("headers").get("X-Forwarded-For").asText()).isEqualTo("127.0.0.1");
        assertThat(event.get("multiValueHeaders").get("X-Trace")).isEqualTo(JSON.readTree("[\"t-1\", \"t-2\"]"));
        assertThat(event.get("queryStringParameters")).isEqualTo(JSON.readTree("{\"lang\": \"de\", \"q\": \"a b\"}"));
        assertThat(event.get("multiValueQueryStringParameters"))
                .isEqualTo(JSON.readTree("{\"lang\": [\"en\", \"de\"], \"q\": [\"a b\"]}"));
        assertThat(event.get("pathParameters")).isEqualTo(JSON.readTree("{\"bookId\": \"42\"}"));
        assertThat(event.get("stageVariables").isNull()).isTrue();
        assertThat(event.get("body").isNull()).isTrue();
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
        JsonNode context = event.get("requestContext");
        assertThat(context.get("accountId").asText()).isEqualTo("000000000000");
        assertThat(context.get("resourceId").asText()).matches("[a-z0-9]{6}");
        assertThat(context.get("resourcePath").asText()).isEqualTo("/books/{bookId}");
        assertThat(context.get("httpMethod").asText()).isEqualTo("GET");
        assertThat(context.get("stage").asText()).isEqualTo("test");
        assertThat(context.get("path").asText()).isEqualTo("/test/books/42");
        assertThat(context.get("protocol").asText()).isEqualTo("HTTP/1.1");
        assertThat(context.get("apiId").asText()).matches("[a-z0-9]{10}");
        assertThat(context.get("requestId").asText()).isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow());
        assertThat(context.get("requestTimeEpoch").asLong()).isBetween(before, System.currentTimeMillis());
        assertThat(context.get("requestTime").asText()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
        JsonNode identity = context.get("identity");
        assertThat(identity.get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(identity.get("apiKey").asText()).isEqualTo(GatewayHarness.KEY);
        assertThat(identity.get("apiKeyId").asText()).matches("[a-z0-9]{10}");
        assertThat(identity.get("userAgent").asText()).startsWith("Java-http-client");
        assertThat(identity.get("user").isNull()).isTrue();
    }

    @Test
    void post_event_readsAsAnApiGatewayProxyRequestEventThroughLambdasSerializer() {
        gateway.send(gateway.request("/books").header("x-api-key", GatewayHarness.KEY).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"title\": \"Dune\", \"published\": \"1965-08-01\", \"authors\": [{\"name\": \"Frank\"}]}")));

        APIGatewayProxyRequestEvent event = LambdaEventSerializers
                .serializerFor(APIGatewayProxyRequestEvent.class, getClass().getClassLoader())
                .fromJson(gateway.invoker.lastCall().event());

        assertThat(event.getHttpMethod()).isEqualTo("POST");
        assertThat(event.getResource()).isEqualTo("/books");
        assertThat(event.getBody()).contains("\"Dune\"");
        assertThat(event.getRequestContext().getIdentity().getApiKey()).isEqualTo(GatewayHarness.KEY);
        assertThat(event.getRequestContext().getStage()).isEqualTo("test");
        assertThat(event.getQueryStringParameters()).isNull();
    }

    @Test
    void get_functionsProxyResponse_becomesTheHttpResponse() {
        gateway.invoker.answering("books", "{\"statusCode\": 201, \"headers\": {\"Location\": \"/books/42\","
                + " \"Content-Type\": \"text/plain\"}, \"multiValueHeaders\": {\"Set-Cookie\": [\"a=1\", \"b=2\"]},"
                + " \"body\": \"created\", \"isBase64Encoded\": false}");

        HttpResponse<String> response = gateway.send(gateway.request("/books/42").header("x-api-key", GatewayHarness.KEY));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("created");
        assertThat(response.headers().firstValue("Location")).contains("/books/42");
        assertThat(response.headers().firstValue("Content-Type")).contains("text/plain");
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).get().asString().hasSize(36);
    }

    @Test
    void get_base64ResponseBody_isDecoded() {
        gateway.invoker.answering("files", "{\"statusCode\": 200, \"headers\": {\"Content-Type\": \"image/png\"},"
                + " \"body\": \"AAEC/w==\", \"isBase64Encoded\": true}");

        HttpResponse<byte[]> response = gateway.sendForBytes(gateway.request("/files/logo.png").header("x-api-key", GatewayHarness.KEY));

        assertThat(response.body()).containsExactly(0, 1, 2, 255);
    }

    @Test
    void post_binaryMediaType_reachesTheFunctionAsBase64() throws Exception {
        gateway.send(gateway.request("/files/upload/logo.png").header("x-api-key", GatewayHarness.KEY)
                .header("Content-Type", "image/png").POST(BodyPublishers.ofByteArray(new byte[] {0, 1, 2, (byte) 255})));

        JsonNode event = JSON.readTree(gateway.invoker.lastCall().event());
        assertThat(event.get("body").asText()).isEqualTo("AAEC/w==");
        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
    }

    @Test
    void post_formAndMultipartBodies_reachTheFunctionUntouched() throws Exception {
        String form = "name=Ada+Lovelace&year=1843";
        String multipart = "--b1\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--b1--\r\n";

        gateway.send(gateway.request("/files/form").header("x-api-key", GatewayHarness.KEY)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(form)));
        String formEvent = gateway.invoker.lastCall().event();
        gateway.send(gateway.request("/files/multipart").header("x-api-key", GatewayHarness.KEY)
                .header("Content-Type", "multipart/form-data; boundary=b1").POST(BodyPublishers.ofString(multipart)));
        String multipartEvent = gateway.invoker.lastCall().event();

        assertThat(JSON.readTree(formEvent).get("body").asText()).isEqualTo(form);
        assertThat(JSON.readTree(multipartEvent).get("body").asText()).isEqualTo(multipart);
    }

    @Test
    void anyMethod_greedyPath_passesTheRestOfThePathAsProxy() throws Exception {
        HttpResponse<String> response = gateway.send(gateway.request("/files/a/b/c.txt").header("x-api-key", GatewayHarness.KEY)
                .DELETE());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode event = JSON.readTree(gateway.invoker.lastCall().event());
        assertThat(event.get("resource").asText()).isEqualTo("/files/{proxy+}");
        assertThat(event.get("httpMethod").asText()).isEqualTo("DELETE");
        assertThat(event.get("pathParameters")).isEqualTo(JSON.readTree("{\"proxy\": \"a/b/c.txt\"}"));
    }

    @Test
    void get_literalAndParameterBothMatch_theLiteralResourceWins() {
        gateway.send(gateway.request("/books/featured").header("x-api-key", GatewayHarness.KEY));

        assertThat(gateway.invoker.lastCall().functionName()).isEqualTo("featured");
    }

    @Test
    void get_pathWithTheStagePrefix_matchesTheSameRoute() throws Exception {
        gateway.send(gateway.request("/test/books/7").header("x-api-key", GatewayHarness.KEY));

        assertThat(JSON.readTree(gateway.invoker.lastCall().event()).get("path").asText()).isEqualTo("/books/7");
    }

    @Test
    void get_unknownPath_answersMissingAuthenticationToken() {
        HttpResponse<String> response = gateway.send(gateway.request("/authors").header("x-api-key", GatewayHarness.KEY));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(gateway.invoker.calls()).isEmpty();
    }

    @Test
    void delete_knownPathWithoutThatMethod_answersMissingAuthenticationToken() {
        HttpResponse<String> response = gateway.send(gateway.request("/books/42").header("x-api-key", GatewayHarness.KEY).DELETE());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    }

    @Test
    void get_operationWithoutSecurity_needsNoKey() {
        HttpResponse<String> response = gateway.send(gateway.request("/ping"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
    }

    @Test
    void get_keyMissingUnknownDisabledOrOfAnotherApi_isForbiddenWithTheOverride() {
        List<String> keys = List.of("", "no-such-key", GatewayHarness.DISABLED_KEY, GatewayHarness.OTHER_APIS_KEY);
        for (String key : keys) {
            var request = gateway.request("/books/42").header("X-Trace", "trace-9");
            HttpResponse<String> response = gateway.send(key.isEmpty() ? request : request.header("x-api-key", key));

            assertThat(response.statusCode()).as(key).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"error\": \"Forbidden\", \"request\": \""
                    + response.headers().firstValue("x-amzn-RequestId").orElseThrow() + "\"}");
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ForbiddenException");
            assertThat(response.headers().firstValue("X-Trace")).contains("trace-9");
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains("ApiKey");
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        }
        assertThat(gateway.invoker.calls()).isEmpty();
    }

    @Test
    void get_functionError_answers502WithoutTheFunctionsError() {
        gateway.invoker.on("books", event -> ScriptedInvoker.failed(InvocationStatus.FUNCTION_ERROR));

        HttpResponse<String> response = gateway.send(gateway.request("/books/42").header("x-api-key", GatewayHarness.KEY));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("InternalServerErrorException");
    }

    @Test
    void get_malformedProxyResponses_answer502() {
        for (String malformed : List.of("\"just a string\"", "{\"statusCode\": 200, \"unexpected\": 1}", "{\"body\": \"x\"}",
                "{\"statusCode\": \"abc\"}", "{\"statusCode\": 200, \"headers\": {\"X\": {\"nested\": 1}}}",
                "{\"statusCode\": 200, \"body\": {\"not\": \"a string\"}}", "not json")) {
            gateway.invoker.answering("books", malformed);

            HttpResponse<String> response = gateway.send(gateway.request("/books/42").header("x-api-key", GatewayHarness.KEY));

            assertThat(response.statusCode()).as(malformed).isEqualTo(502);
            assertThat(response.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        }
    }

    @Test
    void get_functionTimedOutWithinTheIntegrationTimeout_answers502AsLambdasFunctionError() {
        gateway.invoker.on("books", event -> ScriptedInvoker.failed(InvocationStatus.TIMEOUT));

        HttpResponse<String> response = gateway.send(gateway.request("/books/42").header("x-api-key", GatewayHarness.KEY));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("{\"message\": \"Internal server error\"}");
    }

    @Test
    void get_functionSlowerThanTheIntegrationTimeout_answers504InTime() {
        gateway.invoker.on("slow", event -> {
            sleep(3000);
            return ScriptedInvoker.success(OK);
        });
        long start = System.nanoTime();

        HttpResponse<String> response = gateway.send(gateway.request("/slow"));

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2500);
    }

    @Test
    void get_functionThrottled_answers429TooManyRequests() {
        gateway.invoker.on("books", event -> ScriptedInvoker.failed(InvocationStatus.THROTTLED));

        HttpResponse<String> response = gateway.send(gateway.request("/books/42").header("x-api-key", GatewayHarness.KEY));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("TooManyRequestsException");
    }

    @Test
    void get_functionNotDeployed_answers500() {
        gateway.invoker.forget("featured");
        HttpResponse<String> missing = gateway.send(gateway.request("/books/featured").header("x-api-key", GatewayHarness.KEY));
        assertThat(missing.statusCode()).isEqualTo(500);
        assertThat(missing.body()).isEqualTo("{\"message\": \"Internal server error\"}");
    }

    @Test
    void post_bodyOverTheLimit_answers413() {
        try (GatewayHarness small = new GatewayHarness(document -> { },
                new GatewaySettings("127.0.0.1", 0).withMaxBodyBytes(1024))) {
            byte[] body = "x".repeat(4096).getBytes(StandardCharsets.UTF_8);

            HttpResponse<String> response = small.send(small.request("/books").header("x-api-key", GatewayHarness.KEY)
                    .POST(BodyPublishers.ofByteArray(body)));

            HttpResponse<String> streamed = small.send(small.request("/books").header("x-api-key", GatewayHarness.KEY)
                    .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).isEqualTo("{\"message\":\"Request Too Long\"}");
            assertThat(streamed.statusCode()).isEqualTo(413);
            assertThat(small.invoker.calls()).isEmpty();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
