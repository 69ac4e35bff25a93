package com.flightwatch.platform.faults;

import static com.flightwatch.platform.faults.FaultPlatform.alive;
import static com.flightwatch.platform.faults.FaultPlatform.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.lambda.HandlerJars;
import com.flightwatch.platform.lambda.InvocationDetails;
import com.flightwatch.platform.lambda.InvocationStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function that forks ({@code sleep 600}, a child with a grandchild, a grandchild orphaned at
 * once): whichever way its instance ends — killed at its timeout, crashed (its JVM halted, as an
 * out-of-memory exit does), reaped when idle, stopped with the platform, or left behind by a
 * platform killed with SIGKILL — none of those processes survives it.
 */
class ForkingFunctionIT {

    private static final Duration GONE_WITHIN = Duration.ofSeconds(10);

    @TempDir
    static Path jars;
    static Path handlers;

    @BeforeAll
    static void buildHandlers() {
        handlers = HandlerJars.build(jars, "forking", Map.of(), "ForkingHandler");
    }

    @Test
    void invoke_forkingFunctionTimesOut_itsChildrenAndGrandchildrenDieWithIt() {
        try (FaultPlatform platform = new FaultPlatform(Duration.ofMinutes(10))) {
            platform.deploy("forker", "example.ForkingHandler", 256, 2, handlers);

            InvocationDetails timedOut = platform.invoke("forker", "{\"hang\": true}");

            assertThat(timedOut.result().status()).isEqualTo(InvocationStatus.TIMEOUT);
            List<Long> forked = forkedPids(timedOut.logs());
            await("the forked processes " + forked + " are gone", GONE_WITHIN, () -> forked.stream().noneMatch(FaultPlatform::alive));
        }
    }

    @Test
    void invoke_forkingFunctionsJvmHalts_whatItForkedIsKilledWhenTheCrashedInstanceIsDiscarded() {
        try (FaultPlatform platform = new FaultPlatform(Duration.ofMinutes(10))) {
            platform.deploy("forker", "example.ForkingHandler", 256, 10, handlers);

            InvocationDetails crashed = platform.invoke("forker", "{\"halt\": true}");

            assertThat(crashed.result().status()).isEqualTo(InvocationStatus.CRASHED);
            List<Long> forked = forkedPids(crashed.logs());
            await("the forked processes " + forked + " are gone", GONE_WITHIN, () -> forked.stream().noneMatch(FaultPlatform::alive));
        }
    }

    @Test
    void reaper_idleForkingInstance_isStoppedWithEverythingItForked() {
        try (FaultPlatform platform = new FaultPlatform(Duration.ofSeconds(1))) {
            platform.deploy("forker", "example.ForkingHandler", 256, 10, handlers);

            InvocationDetails forking = platform.invoke("forker", "{}");
            List<Long> forked = pids(answer(forking));
            assertThat(forked).as("running while the instance is warm").allMatch(FaultPlatform::alive);

            await("the idle instance is reaped", GONE_WITHIN, () -> platform.invoker.instanceCount("forker") == 0);
            await("the forked processes " + forked + " are gone", GONE_WITHIN, () -> forked.stream().noneMatch(FaultPlatform::alive));
        }
    }

    @Test
    void close_platformStopsWithAForkingInstanceWarm_nothingItForkedSurvives() {
        List<Long> forked;
        long instancePid;
        try (FaultPlatform platform = new FaultPlatform(Duration.ofMinutes(10))) {
            platform.deploy("forker", "example.ForkingHandler", 256, 10, handlers);
            forked = pids(answer(platform.invoke("forker", "{}")));
            instancePid = platform.invoker.instancePids("forker").get(0);
        }

        assertThat(alive(instancePid)).isFalse();
        await("the forked processes " + forked + " are gone", GONE_WITHIN, () -> forked.stream().noneMatch(FaultPlatform::alive));
    }

    @Test
    void platformKilledWithSigkill_whatTheFunctionForkedDiesWithItsInstance() throws Exception {
        Process platform = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ForkingPlatformHost.class.getName(), handlers.toString())
                .redirectErrorStream(true).start();
        try {
            List<Long> forked = forkedByHost(platform);
            assertThat(forked).allMatch(FaultPlatform::alive);

            platform.destroyForcibly();
            assertThat(platform.waitFor(10, TimeUnit.SECONDS)).isTrue();

            await("the forked processes " + forked + " are gone", GONE_WITHIN, () -> forked.stream().noneMatch(FaultPlatform::alive));
        } finally {
            platform.destroyForcibly();
        }
    }

    /** The instance's pid and the pids it forked, as the host printed them. */
    private static List<Long> forkedByHost(Process platform) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(platform.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = output.readLine()) != null) {
            if (line.startsWith(ForkingPlatformHost.PIDS)) {
                return pids(line.substring(ForkingPlatformHost.PIDS.length()));
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("The host platform ended without invoking its function:\n" + seen);
    }

    private static String answer(InvocationDetails details) {
        assertThat(details.result().status()).as(details.result().errorMessage()).isEqualTo(InvocationStatus.SUCCESS);
        String json = new String(details.result().payload(), StandardCharsets.UTF_8);
        return json.substring(1, json.length() - 1);
    }

    private static List<Long> forkedPids(String logs) {
        int start = logs.indexOf("forked ");
        assertThat(start).as("the function printed what it forked:\n" + logs).isNotNegative();
        return pids(logs.substring(start + "forked ".length()).lines().findFirst().orElseThrow());
    }

    static List<Long> pids(String commaSeparated) {
        List<Long> pids = Arrays.stream(commaSeparated.trim().split(",")).map(Long::parseLong).toList();
        assertThat(pids).hasSize(4);
        return pids;
    }
}
