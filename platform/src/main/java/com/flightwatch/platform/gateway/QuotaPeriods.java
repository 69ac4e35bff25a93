package com.flightwatch.platform.gateway;

import com.flightwatch.platform.stack.QuotaSpec;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * Where a quota period starts, in UTC: a DAY at midnight, a WEEK on Sunday, a MONTH on the 1st.
 * (The quota's {@code offset} is a number of requests, not a day: see {@link QuotaCounter}.)
 */
final class QuotaPeriods {

    private QuotaPeriods() {
    }

    static Instant start(QuotaSpec quota, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate start = switch (quota.period()) {
            case DAY -> today;
            case WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
            case MONTH -> today.withDayOfMonth(1);
        };
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
