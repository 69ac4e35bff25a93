package com.flightwatch.platform.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule: {@code rate(N minute|minutes|hour|hours|day|days)}, or
 * {@code cron(minutes hours day-of-month month day-of-week year)} in UTC with numbers, {@code *},
 * {@code ?}, lists, ranges and {@code /} steps (no {@code L}, {@code W}, {@code #}, nor names of
 * months or days).
 */
public final class ScheduleExpression {

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.+)\\)");
    /** A cron that never matches is refused rather than searched for forever: five years is plenty. */
    private static final Duration CRON_HORIZON = Duration.ofDays(5 * 366);

    private final String text;
    private final Duration rate;
    private final CronFields cron;

    private ScheduleExpression(String text, Duration rate, CronFields cron) {
        this.text = text;
        this.rate = rate;
        this.cron = cron;
    }

    /** @throws InvalidScheduleExpressionException when the expression is not one the platform runs */
    public static ScheduleExpression parse(String expression) {
        String text = expression == null ? "" : expression.trim();
        Matcher rate = RATE.matcher(text);
        if (rate.matches()) {
            long value = Long.parseLong(rate.group(1));
            String unit = rate.group(2);
            if (value < 1 || (value == 1) != !unit.endsWith("s")) {
                throw new InvalidScheduleExpressionException(text, "use '1 " + unit.replaceAll("s$", "")
                        + "' for one and plural units for more");
            }
            ChronoUnit chrono = switch (unit.replaceAll("s$", "")) {
                case "minute" -> ChronoUnit.MINUTES;
                case "hour" -> ChronoUnit.HOURS;
                default -> ChronoUnit.DAYS;
            };
            return new ScheduleExpression(text, Duration.of(value, chrono), null);
        }
        Matcher cron = CRON.matcher(text);
        if (cron.matches()) {
            return new ScheduleExpression(text, null, CronFields.parse(text, cron.group(1).trim().toUpperCase(Locale.ROOT)));
        }
        throw new InvalidScheduleExpressionException(text, "expected rate(N unit) or cron(...)");
    }

    /** The first time the schedule fires strictly after {@code after}; a rate counts from {@code after}. */
    public Instant nextAfter(Instant after) {
        if (rate != null) {
            return after.plus(rate);
        }
        ZonedDateTime candidate = after.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime horizon = candidate.plus(CRON_HORIZON);
        while (candidate.isBefore(horizon)) {
            if (!cron.matchesDay(candidate)) {
                candidate = candidate.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!cron.matchesHour(candidate)) {
                candidate = candidate.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!cron.matchesMinute(candidate)) {
                candidate = candidate.plusMinutes(1);
            } else {
                return candidate.toInstant();
            }
        }
        throw new InvalidScheduleExpressionException(text, "it never fires in the next five years");
    }

    @Override
    public String toString() {
        return text;
    }
}
