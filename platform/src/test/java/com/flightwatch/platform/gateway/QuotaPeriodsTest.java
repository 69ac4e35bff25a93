package com.flightwatch.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.stack.QuotaSpec;
import com.flightwatch.platform.stack.QuotaSpec.Period;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuotaPeriodsTest {

    /** A Wednesday. */
    private static final Instant NOW = Instant.parse("2026-11-25T17:45:00Z");

    @Test
    void start_day_isMidnightUtc() {
        assertThat(QuotaPeriods.start(new QuotaSpec(10, Period.DAY, 0), NOW)).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
    }

    @Test
    void start_week_isTheSundayBefore() {
        assertThat(QuotaPeriods.start(new QuotaSpec(10, Period.WEEK, 0), NOW)).isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
        assertThat(QuotaPeriods.start(new QuotaSpec(10, Period.WEEK, 0), Instant.parse("2026-11-22T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
    }

    @Test
    void start_month_isTheFirst() {
        assertThat(QuotaPeriods.start(new QuotaSpec(10, Period.MONTH, 0), NOW)).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void start_withOffset_isTheSameAsWithout() {
        for (Period period : Period.values()) {
            assertThat(QuotaPeriods.start(new QuotaSpec(10, period, 4), NOW))
                    .isEqualTo(QuotaPeriods.start(new QuotaSpec(10, period, 0), NOW));
        }
    }
}
