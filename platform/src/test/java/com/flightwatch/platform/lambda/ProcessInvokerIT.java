package com.flightwatch.platform.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.stack.FunctionSpec;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessInvokerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LIMIT = 2;

    @TempDir
    static Path jars;
    static Path handlers;
    static Vertx vertx;
    static ProcessInvoker invoker;

    @BeforeAll
    static void start() {
        handlers = HandlerJars.build(jars, "handlers", Map.of(), "EchoHandler", "FailingHandler", "SlowHandler",
                "BrokenConstructorHandler", "ExitHandler", "MemoryHogHandler", "LoggingHandler");
        vertx = Vertx.vertx();
        invoker = new ProcessInvoker(vertx, "us-east-1", LIMIT);
    }

    @AfterAll
    static void stop() {
        invoker.close();
        vertx.close();
    }

    @Test
    void invoke_loggingHandler_runsInItsOwnJvmWithLambdasEnvironmentAndCapturesItsOutput() {
        invoker.deploy(function("logging", "example.LoggingHandler", 128, 5, Map.of("GREETING", "hello")));

        InvocationDetails cold = invoker.invokeWithLogs("logging", bytes("\"one\""));
        InvocationDetails warm = invoker.invokeWithLogs("logging", bytes("\"two\""));

        assertSucceeded(cold.result());
        String[] answer = text(cold.result()).split("\\|");
        assertThat(Long.parseLong(answer[0])).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(List.of(answer).subList(1, 6)).containsExactly("logging", "hello", "128", "logging",
                cold.result().requestId());
        assertThat(Long.parseLong(answer[6])).isLessThan(128L * 1024 * 1024);
        assertThat(cold.coldStart()).isTrue();
        assertThat(cold.initDurationMs()).isPositive();
        assertThat(cold.logs()).contains("stdout says one", "stderr says one", "logger says one")
                .doesNotContain("two");
        assertSucceeded(warm.result());
        assertThat(text(warm.result())).startsWith(answer[0] + "|");
        assertThat(warm.coldStart()).isFalse();
        assertThat(warm.logs()).contains("stdout says two", "logger says two").doesNotContain("one");
    }

    @Test
    void invoke_apiGatewayEvent_givesTheHandlerLambdasContext() throws IOException {
        invoker.deploy(function("echo", "example.EchoHandler::handleRequest", 256, 3, Map.of()));

        InvocationResult result = invoker.invoke("echo", bytes("{\"path\": \"/items/7\", \"httpMethod\": \"GET\", \"body\": \"hi\"}"));

        assertSucceeded(result);
        JsonNode response = JSON.readTree(result.payload());
        assertThat(response.get("body").asText()).isEqualTo("hi");
        JsonNode headers = response.get("headers");
        assertThat(headers.get("X-Path").asText()).isEqualTo("/items/7");
        assertThat(headers.get("X-Request-Id").asText()).isEqualTo(result.requestId());
        assertThat(headers.get("X-Arn").asText()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:echo");
        assertThat(headers.get("X-Memory").asInt()).isEqualTo(256);
        assertThat(headers.get("X-Remaining").asInt()).isBetween(1, 3000);
        assertThat(headers.get("X-Log-Group").asText()).isEqualTo("/aws/lambda/echo");
        assertThat(headers.get("X-Log-Stream").asText()).matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}");
    }

    @Test
    void invoke_handlerThrows_functionErrorWithLambdasErrorDocumentAndTheInstanceStaysWarm() throws IOException {
        invoker.deploy(function("failing", "example.FailingHandler", 128, 5, Map.of()));

        InvocationResult first = invoker.invoke("failing", bytes("{\"reason\": \"x\"}"));
        InvocationDetails second = invoker.invokeWithLogs("failing", bytes("{\"reason\": \"y\"}"));

        assertThat(first.status()).isEqualTo(InvocationStatus.FUNCTION_ERROR);
        assertThat(first.errorType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(first.errorMessage()).isEqualTo("boom: x");
        assertThat(JSON.readTree(first.payload()).get("stackTrace").isArray()).isTrue();
        assertThat(second.result().errorMessage()).isEqualTo("boom: y");
        assertThat(second.coldStart()).isFalse();
        assertThat(invoker.instanceCount("failing")).isEqualTo(1);
    }

    @Test
    void invoke_handlerSleepsPastItsTimeout_timeoutKillsTheInstanceAndTheNextCallRunsOnAFreshOne() {
        invoker.deploy(function("slow", "example.SlowHandler", 128, 1, Map.of()));
        assertSucceeded(invoker.invoke("slow", bytes("{\"millis\": 1}")));
        long firstPid = onlyInstancePid("slow");

        InvocationResult timedOut = invoker.invoke("slow", bytes("{\"millis\": 5000}"));
        InvocationDetails next = invoker.invokeWithLogs("slow", bytes("{\"millis\": 1}"));

        assertThat(timedOut.status()).isEqualTo(InvocationStatus.TIMEOUT);
        assertThat(timedOut.errorType()).isEqualTo("Sandbox.Timedout");
        assertThat(timedOut.errorMessage()).endsWith("Task timed out after 1.00 seconds");
        assertThat(timedOut.durationMillis()).isBetween(1000L, 3000L);
        assertSucceeded(next.result());
        assertThat(next.coldStart()).isTrue();
        assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    @Test
    void invoke_handlerCallsSystemExit_crashedAndThePlatformKeepsServing() {
        invoker.deploy(function("exiting", "example.ExitHandler", 128, 5, Map.of()));
        invoker.deploy(function("bystander", "example.LoggingHandler", 128, 5, Map.of()));

        InvocationResult crashed = invoker.invoke("exiting", bytes("\"x\""));
        InvocationResult again = invoker.invoke("exiting", bytes("\"x\""));

        assertThat(crashed.status()).isEqualTo(InvocationStatus.CRASHED);
        assertThat(crashed.errorType()).isEqualTo("Runtime.ExitError");
        assertThat(crashed.errorMessage()).contains("exit status 3");
        assertThat(again.status()).as("a fresh instance, crashing again").isEqualTo(InvocationStatus.CRASHED);
        assertSucceeded(invoker.invoke("bystander", bytes("\"still here\"")));
    }

    @Test
    void invoke_handlerAllocatesPastItsMemory_crashed() {
        invoker.deploy(function("hog", "example.MemoryHogHandler", 128, 10, Map.of()));

        InvocationDetails invocation = invoker.invokeWithLogs("hog", bytes("\"x\""));

        assertThat(invocation.result().status()).isEqualTo(InvocationStatus.CRASHED);
        assertThat(invocation.logs()).contains("OutOfMemoryError");
        assertThat(invoker.instanceCount("hog")).isZero();
    }

    @Test
    void invoke_constructorThrows_initErrorWithTheConstructorsException() {
        invoker.deploy(function("broken", "example.BrokenConstructorHandler", 128, 5, Map.of()));

        InvocationResult result = invoker.invoke("broken", bytes("\"x\""));

        assertThat(result.status()).isEqualTo(InvocationStatus.INIT_ERROR);
        assertThat(new String(result.payload(), StandardCharsets.UTF_8)).contains("missing configuration TABLE_NAME");
        assertThat(invoker.instanceCount("broken")).isZero();
    }

    @Test
    void invoke_handlerClassMissing_initErrorBadFunctionCode() {
        invoker.deploy(function("missing", "example.NoSuchHandler", 128, 5, Map.of()));

        InvocationResult result = invoker.invoke("missing", bytes("\"x\""));

        assertThat(result.status()).isEqualTo(InvocationStatus.INIT_ERROR);
        assertThat(new String(result.payload(), StandardCharsets.UTF_8)).contains("example.NoSuchHandler");
    }

    @Test
    void invoke_moreConcurrentCallsThanTheLimit_runsAtMostTheLimitAndThrottlesTheRest() {
        invoker.deploy(function("busy", "example.SlowHandler", 128, 10, Map.of()));

        List<CompletableFuture<InvocationResult>> calls = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> invoker.invoke("busy", bytes("{\"millis\": 2500}"))))
                .toList();
        List<InvocationStatus> statuses = calls.stream().map(CompletableFuture::join).map(InvocationResult::status).toList();

        assertThat(statuses).filteredOn(s -> s == InvocationStatus.SUCCESS).hasSize(LIMIT);
        assertThat(statuses).filteredOn(s -> s == InvocationStatus.THROTTLED).hasSize(6 - LIMIT);
        assertThat(invoker.instanceCount("busy")).isEqualTo(LIMIT);
    }

    @Test
    void invoke_whileTheWarmInstanceIsBusyBriefly_waitsForItRatherThanStartAJvm() throws Exception {
        invoker.deploy(function("patient", "example.SlowHandler", 128, 10, Map.of()));
        assertSucceeded(invoker.invoke("patient", bytes("{\"millis\": 1}")));
        long warmPid = onlyInstancePid("patient");

        CompletableFuture<InvocationDetails> first = invokeWhenRunning("patient", "{\"millis\": 20}");
        InvocationDetails second = invoker.invokeWithLogs("patient", bytes("{\"millis\": 1}"));

        assertSucceeded(first.join().result());
        assertSucceeded(second.result());
        assertThat(second.coldStart()).as("ran on the instance the first call freed").isFalse();
        Thread.sleep(ColdStarts.PATIENCE.toMillis() * 3);
        assertThat(invoker.instancePids("patient")).as("no JVM started for a wait of a few ms").containsExactly(warmPid);
    }

    @Test
    void invoke_whileTheWarmInstanceIsBusyLong_startsAnotherAfterThePatience() {
        invoker.deploy(function("impatient", "example.SlowHandler", 128, 10, Map.of()));
        assertSucceeded(invoker.invoke("impatient", bytes("{\"millis\": 1}")));

        CompletableFuture<InvocationDetails> first = invokeWhenRunning("impatient", "{\"millis\": 6000}");
        InvocationDetails second = invoker.invokeWithLogs("impatient", bytes("{\"millis\": 1}"));

        assertSucceeded(second.result());
        assertThat(second.coldStart()).isTrue();
        assertThat(first).as("answered on a new instance while the first call still ran").isNotDone();
        assertThat(invoker.instanceCount("impatient")).isEqualTo(2);
        assertSucceeded(first.join().result());
    }

    /** Starts an invocation on another thread and returns once it holds an instance. */
    private static CompletableFuture<InvocationDetails> invokeWhenRunning(String function, String event) {
        int before = invoker.concurrentExecutions(function);
        CompletableFuture<InvocationDetails> call = CompletableFuture.supplyAsync(
                () -> invoker.invokeWithLogs(function, bytes(event)));
        while (invoker.concurrentExecutions(function) == before && !call.isDone()) {
            Thread.onSpinWait();
        }
        return call;
    }

    @Test
    void undeploy_runningInstances_areKilled() {
        invoker.deploy(function("doomed", "example.LoggingHandler", 128, 5, Map.of()));
        assertSucceeded(invoker.invoke("doomed", bytes("\"x\"")));
        long pid = onlyInstancePid("doomed");

        invoker.undeploy("doomed");

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    @Test
    void platformKilledWithSigkill_functionProcessesHaltWithinSeconds() throws Exception {
        Process platform = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ProcessInvokerHost.class.getName(), handlers.toString())
                .redirectErrorStream(true).start();
        try {
            long functionPid = functionPid(platform);
            assertThat(ProcessHandle.of(functionPid).map(ProcessHandle::isAlive)).contains(true);

            platform.destroyForcibly();
            platform.waitFor(10, TimeUnit.SECONDS);

            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (ProcessHandle.of(functionPid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < giveUp) {
                Thread.sleep(50);
            }
            assertThat(ProcessHandle.of(functionPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        } finally {
            platform.destroyForcibly();
        }
    }

    private static long functionPid(Process platform) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(platform.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = output.readLine()) != null) {
            if (line.startsWith("FUNCTION_PID=")) {
                return Long.parseLong(line.substring("FUNCTION_PID=".length()));
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("The host platform ended without starting its function:\n" + seen);
    }

    private static long onlyInstancePid(String functionName) {
        assertThat(invoker.instanceCount(functionName)).isEqualTo(1);
        return invoker.instancePids(functionName).get(0);
    }

    private static void assertSucceeded(InvocationResult result) {
        assertThat(result.status()).as(result.errorType() + ": " + result.errorMessage()).isEqualTo(InvocationStatus.SUCCESS);
    }

    private static String text(InvocationResult result) {
        String json = new String(result.payload(), StandardCharsets.UTF_8);
        return json.substring(1, json.length() - 1);
    }

    private static FunctionSpec function(String name, String handler, int memoryMb, int timeoutSeconds,
                                         Map<String, String> env) {
        return new FunctionSpec(name + "Function", name, handler, "java21", memoryMb, timeoutSeconds, env, handlers);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
