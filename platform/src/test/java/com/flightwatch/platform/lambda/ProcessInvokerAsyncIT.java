package com.flightwatch.platform.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.platform.stack.FunctionSpec;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ProcessInvoker#invokeAsync}: a warm instance answers from the Runtime API, with no thread blocked. */
class ProcessInvokerAsyncIT {

    private static final int LIMIT = 1;

    @TempDir
    static Path jars;
    static Path handlers;
    static Vertx vertx;
    static ProcessInvoker invoker;

    @BeforeAll
    static void start() {
        handlers = HandlerJars.build(jars, "handlers", Map.of(), "SlowHandler", "LoggingHandler");
        vertx = Vertx.vertx();
        invoker = new ProcessInvoker(vertx, "us-east-1", LIMIT);
    }

    @AfterAll
    static void stop() {
        invoker.close();
        vertx.close();
    }

    @Test
    void invokeAsync_warmInstance_answersWithoutTheBlockingExecutor() throws Exception {
        invoker.deploy(function("logging", "example.LoggingHandler", 5, Map.of("GREETING", "hello")));
        CountingExecutor coldWork = new CountingExecutor();
        CountingExecutor warmWork = new CountingExecutor();

        InvocationDetails cold = await(invoker.invokeAsync("logging", bytes("\"one\""), InvocationType.REQUEST_RESPONSE,
                coldWork));
        InvocationDetails warm = await(invoker.invokeAsync("logging", bytes("\"two\""), InvocationType.REQUEST_RESPONSE,
                warmWork));

        assertSucceeded(cold.result());
        assertThat(cold.coldStart()).isTrue();
        assertThat(coldWork.used()).isEqualTo(1);
        assertSucceeded(warm.result());
        assertThat(warm.coldStart()).isFalse();
        assertThat(warm.logs()).contains("stdout says two", "logger says two").doesNotContain("one");
        assertThat(warmWork.used()).isZero();
        assertThat(invoker.instanceCount("logging")).isEqualTo(1);
    }

    @Test
    void invokeAsync_warmInstanceSleepsPastItsTimeout_timeoutKillsTheInstanceAndTheNextCallIsCold() throws Exception {
        invoker.deploy(function("slow", "example.SlowHandler", 1, Map.of()));
        assertSucceeded(invoker.invoke("slow", bytes("{\"millis\": 1}")));
        long firstPid = invoker.instancePids("slow").get(0);

        InvocationDetails timedOut = await(invoker.invokeAsync("slow", bytes("{\"millis\": 5000}"),
                InvocationType.REQUEST_RESPONSE, new CountingExecutor()));
        InvocationDetails next = await(invoker.invokeAsync("slow", bytes("{\"millis\": 1}"),
                InvocationType.REQUEST_RESPONSE, new CountingExecutor()));

        assertThat(timedOut.result().status()).isEqualTo(InvocationStatus.TIMEOUT);
        assertThat(timedOut.result().errorMessage()).endsWith("Task timed out after 1.00 seconds");
        assertThat(timedOut.result().durationMillis()).isBetween(1000L, 3000L);
        assertSucceeded(next.result());
        assertThat(next.coldStart()).isTrue();
        assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    @Test
    void invokeAsync_functionBusyAtItsLimit_throttledAtOnce() throws Exception {
        invoker.deploy(function("busy", "example.SlowHandler", 10, Map.of()));
        assertSucceeded(invoker.invoke("busy", bytes("{\"millis\": 1}")));

        CompletableFuture<InvocationDetails> running = invoker.invokeAsync("busy", bytes("{\"millis\": 1500}"),
                InvocationType.REQUEST_RESPONSE, new CountingExecutor());
        InvocationDetails throttled = await(invoker.invokeAsync("busy", bytes("{\"millis\": 1}"),
                InvocationType.REQUEST_RESPONSE, new CountingExecutor()));

        assertThat(throttled.result().status()).isEqualTo(InvocationStatus.THROTTLED);
        assertSucceeded(await(running).result());
    }

    @Test
    void invokeAsync_unknownFunction_failsWithFunctionNotFound() {
        CompletableFuture<InvocationDetails> call = invoker.invokeAsync("missing", bytes("{}"),
                InvocationType.REQUEST_RESPONSE, new CountingExecutor());

        assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(FunctionNotFoundException.class);
    }

    /** Runs work on the common pool and counts how often the invoker needed a thread that may block. */
    private static final class CountingExecutor implements Executor {
        private final AtomicInteger used = new AtomicInteger();

        @Override
        public void execute(Runnable work) {
            used.incrementAndGet();
            ForkJoinPool.commonPool().execute(work);
        }

        int used() {
            return used.get();
        }
    }

    private static InvocationDetails await(CompletableFuture<InvocationDetails> call) throws Exception {
        return call.get(30, TimeUnit.SECONDS);
    }

    private static void assertSucceeded(InvocationResult result) {
        assertThat(result.status()).as(result.errorType() + ": " + result.errorMessage())
                .isEqualTo(InvocationStatus.SUCCESS);
    }

    private static FunctionSpec function(String name, String handler, int timeoutSeconds, Map<String, String> env) {
        return new FunctionSpec(name + "Function", name, handler, "java21", 128, timeoutSeconds, env, handlers);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
