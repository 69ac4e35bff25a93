package com.flightwatch.platform.faults;

import static com.flightwatch.platform.faults.FaultPlatform.alive;
import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.lambda.HandlerJars;
import com.flightwatch.platform.lambda.InvocationDetails;
import com.flightwatch.platform.lambda.InvocationStatus;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function that leaks memory, invocation after invocation, until its JVM runs out of heap at its
 * memory size: that invocation fails as Lambda reports a runtime that died ({@code Runtime.ExitError}),
 * the platform and its other functions go on, its own heap never sees the leak, and the next
 * invocation starts a fresh instance.
 */
class LeakingFunctionIT {

    private static final int MEMORY_MB = 128;
    private static final int LEAK_PER_CALL_MB = 40;

    @TempDir
    static Path jars;

    @Test
    void invoke_functionLeaksPastItsMemorySize_crashesWithRuntimeExitErrorAndTheNextCallGetsAFreshInstance() {
        Path handlers = HandlerJars.build(jars, "leaking", Map.of(), "LeakingHandler");
        try (FaultPlatform platform = new FaultPlatform(Duration.ofMinutes(10))) {
            platform.deploy("leaky", "example.LeakingHandler", MEMORY_MB, 30, handlers);
            platform.deploy("bystander", "example.LeakingHandler", MEMORY_MB, 30, handlers);
            String bystanderPid = answer(platform.invoke("bystander", leak(0))).split("\\|")[0];
            long platformHeapBefore = heapUsedAfterGc();

            InvocationDetails crashed = null;
            String leakyPid = null;
            for (int call = 1; call <= 2 * MEMORY_MB / LEAK_PER_CALL_MB && crashed == null; call++) {
                InvocationDetails details = platform.invoke("leaky", leak(LEAK_PER_CALL_MB));
                if (details.result().status() == InvocationStatus.SUCCESS) {
                    leakyPid = answer(details).split("\\|")[0];
                } else {
                    crashed = details;
                }
            }
            InvocationDetails next = platform.invoke("leaky", leak(1));

            assertThat(crashed).as("the leak ran the instance out of memory").isNotNull();
            assertThat(crashed.result().status()).isEqualTo(InvocationStatus.CRASHED);
            assertThat(crashed.result().errorType()).isEqualTo("Runtime.ExitError");
            assertThat(crashed.result().errorMessage()).isEqualTo("RequestId: " + crashed.result().requestId()
                    + " Error: Runtime exited with error: exit status 3");
            assertThat(crashed.logs()).contains("java.lang.OutOfMemoryError");
            assertThat(platform.activation(crashed.result().requestId()).status()).isEqualTo("CRASHED");
            assertThat(alive(Long.parseLong(leakyPid))).isFalse();
            assertThat(next.coldStart()).isTrue();
            assertThat(answer(next)).as("a fresh instance holds only this call's leak").endsWith("|1")
                    .doesNotStartWith(leakyPid + "|");
            assertThat(answer(platform.invoke("bystander", leak(0)))).as("the other function's warm instance")
                    .startsWith(bystanderPid + "|");
            assertThat(heapUsedAfterGc() - platformHeapBefore).as("the platform's own heap")
                    .isLessThan(LEAK_PER_CALL_MB * 1024L * 1024);
        }
    }

    private static String leak(int megabytes) {
        return "{\"megabytes\": " + megabytes + "}";
    }

    private static String answer(InvocationDetails details) {
        assertThat(details.result().status()).as(details.result().errorMessage()).isEqualTo(InvocationStatus.SUCCESS);
        String json = new String(details.result().payload(), StandardCharsets.UTF_8);
        return json.substring(1, json.length() - 1);
    }

    static long heapUsedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
