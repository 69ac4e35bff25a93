package com.flightwatch.platform.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.stack.FunctionSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lambda's instance lifecycle, as both isolations must give it: concurrency limits (synchronous
 * calls throttled, events queued), redeploys that fail no invocation, idle reaping and provisioned
 * instances. {@link ThreadLifecycleTest} and {@link ProcessLifecycleIT} run it against their host.
 */
abstract class LifecycleContract {

    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(1);
    private static final int PLATFORM_LIMIT = 10;
    private static final int RESERVED = 4;
    private static final int CALLS = 20;

    @TempDir
    static Path jars;
    static Path handlers;
    static Path versionOne;
    static Path versionTwo;

    @TempDir
    Path scratch;
    FunctionHost host;

    /** A host with the platform limit and idle timeout given. */
    abstract FunctionHost newHost(int maxConcurrency, Duration idleTimeout);

    abstract int instanceCount(String functionName);

    /** How long the overlap handler sleeps: long enough for every call of a burst to arrive while it runs. */
    abstract long handlerMillis();

    @BeforeAll
    static void buildHandlers() {
        handlers = HandlerJars.build(jars, "lifecycle", Map.of(), "OverlapHandler", "LoggingHandler");
        versionOne = HandlerJars.build(jars, "slow-one", Map.of("@VERSION@", "one"), "SlowVersioned");
        versionTwo = HandlerJars.build(jars, "slow-two", Map.of("@VERSION@", "two"), "SlowVersioned");
    }

    @BeforeEach
    void startHost() {
        host = newHost(PLATFORM_LIMIT, IDLE_TIMEOUT);
    }

    @AfterEach
    void closeHost() {
        host.close();
    }

    @Test
    void invoke_twentyConcurrentCallsAtReservedConcurrencyFour_runAtMostFourAtOnceAndThrottleTheRest() throws Exception {
        // Provisioned, so that four JVMs starting at once on a loaded machine do not overrun Lambda's 10 s init limit.
        host.deploy(spec("limited", "example.OverlapHandler", handlers, RESERVED, RESERVED));

        List<InvocationDetails> calls = burst("limited", overlapEvent(), InvocationType.REQUEST_RESPONSE);

        List<InvocationDetails> succeeded = calls.stream().filter(call -> call.result().succeeded()).toList();
        List<InvocationDetails> throttled = calls.stream()
                .filter(call -> call.result().status() == InvocationStatus.THROTTLED).toList();
        assertThat(succeeded.size() + throttled.size()).as(describe(calls)).isEqualTo(CALLS);
        assertThat(succeeded).hasSizeGreaterThanOrEqualTo(RESERVED);
        assertThat(throttled).isNotEmpty().allSatisfy(call ->
                assertThat(call.result().errorType()).isEqualTo("TooManyRequestsException"));
        assertThat(maxOverlap(succeeded)).isBetween(1, RESERVED);
        assertThat(instanceCount("limited")).isLessThanOrEqualTo(RESERVED);
    }

    @Test
    void invokeEvent_twentyConcurrentCallsAtReservedConcurrencyFour_allSucceedNeverMoreThanFourAtOnce() throws Exception {
        host.deploy(spec("queued", "example.OverlapHandler", handlers, RESERVED, 0));

        List<InvocationDetails> calls = burst("queued", overlapEvent(), InvocationType.EVENT);

        assertThat(calls).as(describe(calls)).allSatisfy(call -> assertThat(call.result().succeeded()).isTrue());
        assertThat(maxOverlap(calls)).isBetween(2, RESERVED);
        assertThat(calls.stream().mapToLong(InvocationDetails::waitMillis).max().orElseThrow())
                .as("the last of five waves waited for four handlers to end").isGreaterThanOrEqualTo(handlerMillis());
        assertThat(instanceCount("queued")).isLessThanOrEqualTo(RESERVED);
    }

    @Test
    void deploy_newCodeWhileInvocationsRun_noInvocationFailsAndAnswersSwitchToTheNewCode() throws Exception {
        FunctionSpec one = spec("switching", "example.SlowVersioned", versionOne, null, 0);
        host.deploy(one);
        List<List<String>> answers = List.of(Collections.synchronizedList(new ArrayList<>()),
                Collections.synchronizedList(new ArrayList<>()));
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(answers.size() + 1);
        try {
            List<Future<?>> loaders = answers.stream().<Future<?>>map(answersOfOne -> load.submit(() -> {
                while (!stop.get()) {
                    answersOfOne.add(answer(host.invoke("switching", bytes("{\"millis\": 20}"))));
                }
            })).toList();
            Path running = scratch.resolve("long-call-running");
            Future<String> longCall = load.submit(() -> answer(host.invoke("switching",
                    bytes("{\"millis\": 1500, \"mark\": \"" + running + "\"}"))));
            awaitTrue(() -> Files.exists(running) && answers.stream().allMatch(list -> list.contains("one")));

            host.deploy(one.withCodePath(versionTwo));
            String afterDeploy = answer(host.invoke("switching", bytes("{\"millis\": 0}")));
            awaitTrue(() -> answers.stream().allMatch(list -> list.contains("two")));
            stop.set(true);
            for (Future<?> loader : loaders) {
                loader.get(30, TimeUnit.SECONDS);
            }

            assertThat(longCall.get(30, TimeUnit.SECONDS)).as("the call running during the switch").isEqualTo("one");
            assertThat(afterDeploy).isEqualTo("two");
            for (List<String> answersOfOne : answers) {
                List<String> seen = List.copyOf(answersOfOne);
                int firstTwo = seen.indexOf("two");
                assertThat(seen.subList(0, firstTwo)).containsOnly("one");
                assertThat(seen.subList(firstTwo, seen.size())).containsOnly("two");
            }
        } finally {
            stop.set(true);
            load.shutdownNow();
        }
    }

    @Test
    void reaper_instanceIdleLongerThanTheIdleTimeout_isStoppedAndTheNextCallIsCold() {
        host.deploy(spec("idle", "example.LoggingHandler", handlers, null, 0));
        InvocationDetails first = host.invokeWithLogs("idle", bytes("\"x\""));
        assertThat(first.coldStart()).isTrue();
        assertThat(instanceCount("idle")).isEqualTo(1);

        awaitTrue(() -> instanceCount("idle") == 0);
        InvocationDetails next = host.invokeWithLogs("idle", bytes("\"y\""));

        assertThat(next.result().succeeded()).isTrue();
        assertThat(next.coldStart()).isTrue();
    }

    @Test
    void deploy_provisionedConcurrency_startsWarmInstancesThatOutliveTheIdleTimeout() {
        host.deploy(spec("provisioned", "example.LoggingHandler", handlers, null, 2));
        host.deploy(spec("onDemand", "example.LoggingHandler", handlers, null, 0));
        assertThat(instanceCount("provisioned")).isEqualTo(2);

        InvocationDetails first = host.invokeWithLogs("provisioned", bytes("\"x\""));
        assertThat(host.invokeWithLogs("onDemand", bytes("\"x\"")).coldStart()).isTrue();
        awaitTrue(() -> instanceCount("onDemand") == 0);

        assertThat(first.result().succeeded()).as(first.result().errorMessage()).isTrue();
        assertThat(first.coldStart()).as("a provisioned instance's first invocation is warm").isFalse();
        assertThat(first.initDurationMs()).isEqualTo(-1);
        assertThat(instanceCount("provisioned")).as("kept past the idle timeout").isEqualTo(2);
    }

    /** Starts {@value #CALLS} calls at once and waits for all of them. */
    private List<InvocationDetails> burst(String function, byte[] event, InvocationType type) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<InvocationDetails>> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(go);
                    return host.invokeWithLogs(function, event, type);
                }, callers));
            }
            go.countDown();
            List<InvocationDetails> results = new ArrayList<>();
            for (CompletableFuture<InvocationDetails> call : calls) {
                results.add(call.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            callers.shutdownNow();
        }
    }

    private byte[] overlapEvent() throws Exception {
        Path marks = Files.createDirectories(scratch.resolve("running"));
        return bytes("{\"dir\": \"" + marks + "\", \"millis\": " + handlerMillis() + "}");
    }

    private static int maxOverlap(List<InvocationDetails> calls) {
        return calls.stream().mapToInt(call -> Integer.parseInt(new String(call.result().payload(),
                StandardCharsets.UTF_8))).max().orElse(0);
    }

    private static String describe(List<InvocationDetails> calls) {
        return calls.stream().map(call -> call.result().status() + " " + call.result().errorMessage()).toList().toString();
    }

    private static String answer(InvocationResult result) {
        assertThat(result.status()).as(result.errorType() + ": " + result.errorMessage()).isEqualTo(InvocationStatus.SUCCESS);
        String json = new String(result.payload(), StandardCharsets.UTF_8);
        return json.substring(1, json.length() - 1);
    }

    static FunctionSpec spec(String name, String handler, Path code, Integer reserved, int provisioned) {
        return new FunctionSpec(name + "Function", name, handler, "java21", 128, 10, Map.of(), code, reserved,
                provisioned);
    }

    /** Polls until the condition holds, failing after 20 seconds. */
    static void awaitTrue(BooleanSupplier condition) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition still false after 20 s").isLessThan(giveUp);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
