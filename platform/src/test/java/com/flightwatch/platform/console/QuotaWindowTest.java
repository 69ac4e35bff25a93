package com.flightwatch.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.stack.QuotaSpec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuotaWindowTest {

    private static final Instant WEDNESDAY = Instant.parse("2026-11-25T17:30:00Z");

    @Test
    void of_day_runsFromMidnightToMidnightUtc() {
        assertThat(QuotaWindow.of(new QuotaSpec(10, QuotaSpec.Period.DAY, 0), WEDNESDAY)).isEqualTo(
                new QuotaWindow(Instant.parse("2026-11-25T00:00:00Z"), Instant.parse("2026-11-26T00:00:00Z")));
    }

    @Test
    void of_week_startsOnTheSundayBefore() {
        assertThat(QuotaWindow.of(new QuotaSpec(10, QuotaSpec.Period.WEEK, 0), WEDNESDAY)).isEqualTo(
                new QuotaWindow(Instant.parse("2026-11-22T00:00:00Z"), Instant.parse("2026-11-29T00:00:00Z")));
    }

    @Test
    void of_month_runsFromTheFirstToTheFirstOfTheNextMonth() {
        assertThat(QuotaWindow.of(new QuotaSpec(10, QuotaSpec.Period.MONTH, 0), WEDNESDAY)).isEqualTo(
                new QuotaWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")));
    }
}
