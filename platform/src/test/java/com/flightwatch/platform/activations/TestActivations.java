package com.flightwatch.platform.activations;

import java.time.Instant;

/** Activation records for tests: only what a test varies is a parameter. */
final class TestActivations {

    private TestActivations() {
    }

    /** A successful, warm 3 ms activation of {@code fn} that ended at {@code end}. */
    static Activation ended(String id, String functionName, Instant end) {
        return new Activation(id, functionName, Activation.LATEST, "gateway", null, end.minusMillis(3), end, 3, null, 0,
                "SUCCESS", null, null, "{}", "", "java21", 128);
    }

    static Activation ended(String id, Instant end) {
        return ended(id, "fn", end);
    }
}
