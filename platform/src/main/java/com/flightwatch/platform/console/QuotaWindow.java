package com.flightwatch.platform.console;

import com.flightwatch.platform.stack.QuotaSpec;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The quota period a request made now counts in, and when it ends: a DAY from midnight UTC, a WEEK
 * from Sunday, a MONTH from the 1st, the periods the gateway counts in (its QuotaPeriods is private
 * to the gateway; QuotaWindowTest pins the two to the same answers).
 */
record QuotaWindow(Instant start, Instant end) {

    static QuotaWindow of(QuotaSpec quota, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate start = switch (quota.period()) {
            case DAY -> today;
            case WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
            case MONTH -> today.withDayOfMonth(1);
        };
        LocalDate end = switch (quota.period()) {
            case DAY -> start.plus(1, ChronoUnit.DAYS);
            case WEEK -> start.plus(1, ChronoUnit.WEEKS);
            case MONTH -> start.plus(1, ChronoUnit.MONTHS);
        };
        return new QuotaWindow(start.atStartOfDay(ZoneOffset.UTC).toInstant(), end.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
