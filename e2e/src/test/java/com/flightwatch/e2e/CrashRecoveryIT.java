package com.flightwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The platform killed with SIGKILL in the middle of a 2,000-passenger fan-out, then started again
 * on the same data: no passenger goes without a text, every alert ends SENT, and a passenger is
 * texted twice only if the kill landed between an SMS hand-off and its record, so doubles never
 * outnumber the SMS invocations that were in flight.
 *
 * <p>The default run crashes once, at a random point (the seed is printed; {@code -Dcrash.seed=}
 * replays it). {@code -Dcrash.repeats=20} ({@code scripts/crashes}) crashes twenty times, each at
 * its own random point, and prints the totals.
 */
class CrashRecoveryIT {

    private static final Path DATA_DIR = Path.of("target", "crash-data").toAbsolutePath();
    private static final Path LOG = Path.of("target", "crash-platform.log").toAbsolutePath();

    @Test
    void sigkill_duringFanOut_losesNoTextAndDoublesNoMoreThanWereInFlight() throws Exception {
        int repeats = Integer.getInteger("crash.repeats", 1);
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.printf("Crash test: %d crash(es), seed %d (-Dcrash.seed=%d replays it)%n", repeats, seed, seed);
        TestDirectories.deleteRecursively(DATA_DIR);
        TestDirectories.deleteRecursively(LOG);
        Random random = new Random(seed);
        List<CrashRun> runs = new ArrayList<>();
        for (int run = 0; run < repeats; run++) {
            CrashRun result = new CrashScenario(run, DATA_DIR, LOG).crashAndRecover(random);
            System.out.println(result.describe());
            runs.add(result);
        }
        System.out.println(CrashRun.totals(runs));

        for (CrashRun run : runs) {
            assertThat(run.lost()).as("passengers without a text, %s", run).isZero();
            assertThat(run.notSent()).as("alerts not SENT, %s", run).isZero();
            assertThat(run.claimingInvocations()).as("SMS invocations in flight at the kill cannot exceed the SMS"
                    + " function's concurrency limit, %s", run).isLessThanOrEqualTo(CrashScenario.SMS_CONCURRENCY_LIMIT);
            assertThat(run.doubled()).as("doubles beyond the invocations in flight at the kill, %s", run)
                    .isLessThanOrEqualTo(run.claimingInvocations());
            assertThat(run.survivors()).as("processes of the killed platform still alive 10 s later, %s", run).isEmpty();
        }
    }
}
