package com.flightwatch.e2e;

import com.flightwatch.platform.lambda.Isolation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The main end-to-end scenario with every function instance in a JVM of its own, running Lambda's
 * runtime interface client against the platform's Runtime API: what {@code flightwatch up} does by default.
 */
class ProcessIsolationIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start("e2e-process", Isolation.PROCESS);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void cancellation_withProcessIsolation_textsEachOnceAndMarksAlertsSent() throws Exception {
        FlightwatchOnPlatformIT.cancellationScenario(platform);
    }
}
