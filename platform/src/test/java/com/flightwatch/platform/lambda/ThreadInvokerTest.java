package com.flightwatch.platform.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.stack.FunctionSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadInvokerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path jars;
    static Path handlers;

    private final ThreadInvoker invoker = new ThreadInvoker("us-east-1", 2);

    @BeforeAll
    static void buildHandlerJar() {
        handlers = HandlerJars.build(jars, "handlers", Map.of(), "EchoHandler", "FailingHandler", "SlowHandler",
                "BrokenConstructorHandler", "BrokenStaticHandler", "EnvHandler", "UpperCaseStreamHandler", "Greeter");
    }

    @AfterEach
    void close() {
        invoker.close();
    }

    @Test
    void invoke_apiGatewayEvent_runsTheHandlerWithLambdasSerializationAndContext() throws IOException {
        invoker.deploy(function("echo", "example.EchoHandler::handleRequest", 3, Map.of()));

        InvocationResult result = invoker.invoke("echo", bytes("{\"path\": \"/items/7\", \"httpMethod\": \"GET\","
                + " \"queryStringParameters\": {\"q\": \"x\"}, \"requestContext\": {\"stage\": \"prod\"}, \"body\": \"hi\"}"));

        assertThat(result.status()).as(result.errorType() + ": " + result.errorMessage()).isEqualTo(InvocationStatus.SUCCESS);
        JsonNode response = JSON.readTree(result.payload());
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(response.get("body").asText()).isEqualTo("hi");
        JsonNode headers = response.get("headers");
        assertThat(headers.get("X-Path").asText()).isEqualTo("/items/7");
        assertThat(headers.get("X-Method").asText()).isEqualTo("GET");
        assertThat(headers.get("X-Query").asText()).isEqualTo("x");
        assertThat(headers.get("X-Stage").asText()).isEqualTo("prod");
        assertThat(headers.get("X-Request-Id").asText()).isEqualTo(result.requestId()).hasSize(36);
        assertThat(headers.get("X-Function").asText()).isEqualTo("echo");
        assertThat(headers.get("X-Version").asText()).isEqualTo("$LATEST");
        assertThat(headers.get("X-Arn").asText()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:echo");
        assertThat(headers.get("X-Memory").asInt()).isEqualTo(256);
        assertThat(headers.get("X-Remaining").asInt()).isBetween(1, 3000);
        assertThat(headers.get("X-Log-Group").asText()).isEqualTo("/aws/lambda/echo");
        assertThat(headers.get("X-Log-Stream").asText()).matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}");
        assertThat(headers.get("X-Loader").asText()).isEqualTo("function:echo");
        assertThat(headers.get("X-Context-Loader").asText()).isEqualTo("function:echo");
        assertThat(headers.get("X-Core-Loader").asText()).isEqualTo("false");
    }

    @Test
    void invoke_twice_reusesTheWarmInstance() throws IOException {
        invoker.deploy(function("echo", "example.EchoHandler", 3, Map.of()));

        InvocationResult first = invoker.invoke("echo", bytes("{\"path\": \"/a\"}"));
        InvocationResult second = invoker.invoke("echo", bytes("{\"path\": \"/b\"}"));

        JsonNode firstHeaders = JSON.readTree(first.payload()).get("headers");
        JsonNode secondHeaders = JSON.readTree(second.payload()).get("headers");
        assertThat(secondHeaders.get("X-Instance")).isEqualTo(firstHeaders.get("X-Instance"));
        assertThat(secondHeaders.get("X-Invocations").asText()).isEqualTo("2");
        assertThat(second.requestId()).isNotEqualTo(first.requestId());
    }

    @Test
    void invoke_handlerThrows_returnsFunctionErrorWithLambdasErrorDocument() throws IOException {
        invoker.deploy(function("failing", "example.FailingHandler::handleRequest", 3, Map.of()));

        InvocationResult result = invoker.invoke("failing", bytes("{\"reason\": \"disk full\"}"));

        assertThat(result.status()).isEqualTo(InvocationStatus.FUNCTION_ERROR);
        assertThat(result.errorType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(result.errorMessage()).isEqualTo("boom: disk full");
        JsonNode document = JSON.readTree(result.payload());
        assertThat(document.get("errorMessage").asText()).isEqualTo("boom: disk full");
        assertThat(document.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(document.get("stackTrace").get(0).asText()).startsWith("example.FailingHandler.handleRequest(FailingHandler.java:");
        assertThat(document.get("cause").get("errorType").asText()).isEqualTo("java.lang.ArithmeticException");
    }

    @Test
    void invoke_eventThatDoesNotDeserialize_isTheFunctionsError() {
        invoker.deploy(function("failing", "example.FailingHandler", 3, Map.of()));

        InvocationResult result = invoker.invoke("failing", bytes("[1, 2"));

        assertThat(result.status()).isEqualTo(InvocationStatus.FUNCTION_ERROR);
    }

    @Test
    void invoke_pastItsTimeout_returnsTimeoutAndReplacesTheInstance() {
        invoker.deploy(function("slow", "example.SlowHandler", 1, Map.of()));

        InvocationResult result = invoker.invoke("slow", bytes("{\"millis\": 5000}"));

        assertThat(result.status()).isEqualTo(InvocationStatus.TIMEOUT);
        assertThat(result.durationMillis()).isBetween(1000L, 3000L);
        assertThat(result.errorType()).isEqualTo("Sandbox.Timedout");
        assertThat(result.errorMessage()).endsWith("Task timed out after 1.00 seconds").contains(result.requestId());
        InvocationResult next = invoker.invoke("slow", bytes("{\"millis\": 1}"));
        assertThat(next.status()).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(new String(next.payload(), StandardCharsets.UTF_8)).isEqualTo("\"slept\"");
    }

    @Test
    void invoke_constructorThrows_returnsInitErrorWithTheConstructorsException() {
        invoker.deploy(function("broken", "example.BrokenConstructorHandler::handleRequest", 3, Map.of()));

        InvocationResult result = invoker.invoke("broken", bytes("\"x\""));

        assertThat(result.status()).isEqualTo(InvocationStatus.INIT_ERROR);
        assertThat(result.errorType()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(result.errorMessage()).isEqualTo("missing configuration TABLE_NAME");
    }

    @Test
    void invoke_staticInitializerThrows_returnsInitErrorOnEveryColdStart() {
        invoker.deploy(function("static", "example.BrokenStaticHandler", 3, Map.of()));

        InvocationResult first = invoker.invoke("static", bytes("\"x\""));
        InvocationResult second = invoker.invoke("static", bytes("\"x\""));

        assertThat(List.of(first, second)).allSatisfy(result -> {
            assertThat(result.status()).isEqualTo(InvocationStatus.INIT_ERROR);
            assertThat(result.errorType()).isEqualTo("java.lang.NumberFormatException");
        });
    }

    @Test
    void invoke_handlerClassMissing_returnsInitError() {
        invoker.deploy(function("missing", "example.Nowhere::handleRequest", 3, Map.of()));

        InvocationResult result = invoker.invoke("missing", bytes("{}"));

        assertThat(result.status()).isEqualTo(InvocationStatus.INIT_ERROR);
        assertThat(result.errorType()).isEqualTo("java.lang.ClassNotFoundException");
    }

    @Test
    void invoke_platformClassesAreNotVisibleToFunctions() {
        invoker.deploy(function("leaky", "org.slf4j.LoggerFactory", 3, Map.of()));

        InvocationResult result = invoker.invoke("leaky", bytes("{}"));

        assertThat(result.status()).isEqualTo(InvocationStatus.INIT_ERROR);
        assertThat(result.errorType()).isEqualTo("java.lang.ClassNotFoundException");
    }

    @Test
    void invoke_streamHandler_getsTheRawEventBytes() {
        invoker.deploy(function("upper", "example.UpperCaseStreamHandler::handleRequest", 3, Map.of()));

        InvocationResult result = invoker.invoke("upper", bytes("{\"a\": \"b\"}"));

        assertThat(new String(result.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"A\": \"B\"}");
    }

    @Test
    void invoke_namedMethodWithoutLambdaInterface_serializesItsPojoResult() throws IOException {
        invoker.deploy(function("greeter", "example.Greeter::greet", 3, Map.of()));

        InvocationResult result = invoker.invoke("greeter", bytes("{\"name\": \"Ada\"}"));

        assertThat(JSON.readTree(result.payload()))
                .isEqualTo(JSON.readTree("{\"message\": \"Hello, Ada\", \"from\": \"greeter\"}"));
    }

    @Test
    void deploy_sameClassInTwoJars_eachFunctionRunsItsOwn() {
        Path v1 = HandlerJars.build(jars, "versioned-1", Map.of("@VERSION@", "one"), "Versioned");
        Path v2 = HandlerJars.build(jars, "versioned-2", Map.of("@VERSION@", "two"), "Versioned");
        invoker.deploy(new FunctionSpec("V1", "v1", "example.Versioned", "java21", 128, 3, Map.of(), v1));
        invoker.deploy(new FunctionSpec("V2", "v2", "example.Versioned", "java21", 128, 3, Map.of(), v2));

        assertThat(new String(invoker.invoke("v1", bytes("\"\"")).payload(), StandardCharsets.UTF_8)).isEqualTo("\"one\"");
        assertThat(new String(invoker.invoke("v2", bytes("\"\"")).payload(), StandardCharsets.UTF_8)).isEqualTo("\"two\"");
    }

    @Test
    void invoke_jodaTimeEventAfterAnotherFunctionsEvent_deserializesWithItsOwnJodaClasses() {
        Path snsJar = HandlerJars.build(jars, "sns-timestamp", Map.of(), "SnsTimestampHandler");
        invoker.deploy(function("echo", "example.EchoHandler::handleRequest", 3, Map.of()));
        invoker.deploy(new FunctionSpec("Sns", "sns", "example.SnsTimestampHandler", "java21", 128, 3, Map.of(), snsJar));
        assertThat(invoker.invoke("echo", bytes("{\"path\": \"/\"}")).status()).isEqualTo(InvocationStatus.SUCCESS);

        InvocationResult result = invoker.invoke("sns", bytes("{\"Records\": [{\"EventSource\": \"aws:sns\", \"Sns\": "
                + "{\"MessageId\": \"m-1\", \"Message\": \"hi\", \"Timestamp\": \"2026-11-24T02:44:57.154Z\"}}]}"));

        assertThat(result.status()).as(result.errorType() + ": " + result.errorMessage()).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(new String(result.payload(), StandardCharsets.UTF_8)).contains("2026-11-24T02:44:57.154");
    }

    @Test
    void invoke_moreConcurrentCallsThanTheLimit_throttlesTheExtraOne() {
        invoker.deploy(function("slow", "example.SlowHandler", 5, Map.of()));
        invoker.invoke("slow", bytes("{\"millis\": 1}"));

        CompletableFuture<InvocationResult> a = CompletableFuture.supplyAsync(() -> invoker.invoke("slow", bytes("{\"millis\": 1500}")));
        CompletableFuture<InvocationResult> b = CompletableFuture.supplyAsync(() -> invoker.invoke("slow", bytes("{\"millis\": 1500}")));
        sleep(500);
        InvocationResult extra = invoker.invoke("slow", bytes("{\"millis\": 1}"));

        assertThat(extra.status()).isEqualTo(InvocationStatus.THROTTLED);
        assertThat(a.join().status()).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(b.join().status()).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(invoker.invoke("slow", bytes("{\"millis\": 1}")).status()).isEqualTo(InvocationStatus.SUCCESS);
    }

    @Test
    void deploy_functionEnvironment_isWhatTheHandlerReadsFromGetenv() {
        invoker.deploy(function("env", "example.EnvHandler", 3, Map.of("FLIGHTWATCH_TEST_GREETING", "hello")));

        InvocationResult result = invoker.invoke("env", bytes("\"FLIGHTWATCH_TEST_GREETING\""));

        assertThat(new String(result.payload(), StandardCharsets.UTF_8)).isEqualTo("\"hello|hello\"");
    }

    @Test
    void deploy_twoFunctionsWithDifferentValuesForOneVariable_isRefused() {
        invoker.deploy(function("first", "example.EnvHandler", 3, Map.of("FLIGHTWATCH_TEST_TABLE", "a", "SHARED", "same")));
        invoker.deploy(function("second", "example.EnvHandler", 3, Map.of("SHARED", "same")));

        assertThatThrownBy(() -> invoker.deploy(function("third", "example.EnvHandler", 3, Map.of("FLIGHTWATCH_TEST_TABLE", "b"))))
                .isInstanceOf(EnvironmentConflictException.class)
                .hasMessage("In thread isolation functions share one environment: first and third set"
                        + " FLIGHTWATCH_TEST_TABLE differently; use process isolation");
        assertThat(invoker.functionNames()).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void undeploy_lastFunctionWithAVariable_removesItFromTheEnvironment() {
        invoker.deploy(function("env", "example.EnvHandler", 3, Map.of("FLIGHTWATCH_TEST_TEMPORARY", "x")));
        assertThat(System.getenv("FLIGHTWATCH_TEST_TEMPORARY")).isEqualTo("x");

        invoker.undeploy("env");

        assertThat(System.getenv("FLIGHTWATCH_TEST_TEMPORARY")).isNull();
    }

    @Test
    void invoke_unknownFunction_throwsFunctionNotFound() {
        assertThatThrownBy(() -> invoker.invoke("nope", bytes("{}"))).isInstanceOf(FunctionNotFoundException.class);
    }

    @Test
    void deploy_codeThatDoesNotExist_failsNamingIt() {
        assertThatThrownBy(() -> invoker.deploy(new FunctionSpec("X", "x", "example.EchoHandler", "java21", 128, 3,
                Map.of(), jars.resolve("absent.jar"))))
                .isInstanceOf(FunctionCodeException.class)
                .hasMessageContaining("absent.jar");
    }

    private static FunctionSpec function(String name, String handler, int timeoutSeconds, Map<String, String> env) {
        return new FunctionSpec(name + "Function", name, handler, "java21", 256, timeoutSeconds, env, handlers);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
