package com.flightwatch.platform.sns;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for observable state (a table, an HTTP answer) to become what a test expects, or fails. */
public final class Eventually {

    private Eventually() {
    }

    public static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(25);
        }
    }
}
