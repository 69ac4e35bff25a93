package com.flightwatch.platform.gateway;

import com.flightwatch.platform.stack.QuotaSpec;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * Where a quota period starts, in UTC as API Gateway counts: a DAY at midnight; a WEEK on the
 * offset's day (0 = Sunday, 1 = Monday, ...); a MONTH on the 1st plus the offset in days.
 */
final class QuotaPeriods {

    private QuotaPeriods() {
    }

    static Instant start(QuotaSpec quota, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate start = switch (quota.period()) {
            case DAY -> today;
            case WEEK -> today.with(TemporalAdjusters.previousOrSame(weekStart(quota.offset())));
            case MONTH -> monthStart(today, quota.offset());
        };
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static DayOfWeek weekStart(int offset) {
        return DayOfWeek.SUNDAY.plus(Math.floorMod(offset, 7));
    }

    private static LocalDate monthStart(LocalDate today, int offset) {
        LocalDate thisMonths = today.withDayOfMonth(1).plusDays(Math.max(0, offset));
        return !thisMonths.isAfter(today) ? thisMonths : today.minusMonths(1).withDayOfMonth(1).plusDays(Math.max(0, offset));
    }
}
