package com.flightwatch.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The buckets every time histogram of the platform shares: a few explicit ones (19 bucket series a
 * histogram, +Inf included) rather than Micrometer's dense percentile buckets, from the
 * sub-millisecond of a warm invocation to the 15 minutes an event may wait for capacity.
 */
final class Histograms {

    private static final Duration[] BUCKETS = {
            Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofNanos(2_500_000), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2_500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofMinutes(15)};

    private Histograms() {
    }

    /** A timer exported as {@code <name>_seconds} with {@code _bucket}, {@code _count}, {@code _sum} and {@code _max}. */
    static Timer timer(MeterRegistry registry, String name, String description, Tags tags) {
        return Timer.builder(name).description(description).tags(tags).serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
