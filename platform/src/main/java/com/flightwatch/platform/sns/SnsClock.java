package com.flightwatch.platform.sns;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as the store keeps them: DATETIME(3), milliseconds. */
final class SnsClock {

    private SnsClock() {
    }

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
