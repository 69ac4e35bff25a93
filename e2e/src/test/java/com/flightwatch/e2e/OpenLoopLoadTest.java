package com.flightwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OpenLoopLoadTest {

    private static final long PERIOD_AT_20_PER_SECOND = TimeUnit.MILLISECONDS.toNanos(50);

    @Test
    void dueBy_requestIsDueAtItsOwnTimeNotAPeriodLater() {
        assertThat(OpenLoopLoad.dueBy(0, 20, 100)).as("the first at the start").isEqualTo(1);
        assertThat(OpenLoopLoad.dueBy(PERIOD_AT_20_PER_SECOND - 1, 20, 100)).isEqualTo(1);
        assertThat(OpenLoopLoad.dueBy(PERIOD_AT_20_PER_SECOND, 20, 100)).isEqualTo(2);
        assertThat(OpenLoopLoad.dueBy(10 * PERIOD_AT_20_PER_SECOND, 20, 100)).isEqualTo(11);
    }

    @Test
    void dueBy_neverMoreThanTheRunsTotal() {
        assertThat(OpenLoopLoad.dueBy(TimeUnit.MINUTES.toNanos(10), 20, 100)).isEqualTo(100);
    }
}
