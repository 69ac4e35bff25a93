package com.flightwatch.platform.schedule;

import java.time.ZonedDateTime;
import java.util.BitSet;

/** The six fields of an EventBridge cron, each as the set of values it allows. */
record CronFields(BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months, BitSet daysOfWeek, BitSet years,
                  boolean anyDayOfMonth, boolean anyDayOfWeek) {

    static CronFields parse(String expression, String fields) {
        String[] parts = fields.split("\\s+");
        if (parts.length != 6) {
            throw new InvalidScheduleExpressionException(expression, "a cron has six fields: minutes hours"
                    + " day-of-month month day-of-week year");
        }
        if (!parts[2].equals("?") && !parts[4].equals("?")) {
            throw new InvalidScheduleExpressionException(expression, "one of day-of-month and day-of-week must be '?'");
        }
        return new CronFields(field(expression, parts[0], 0, 59), field(expression, parts[1], 0, 23),
                field(expression, parts[2], 1, 31), field(expression, parts[3], 1, 12), field(expression, parts[4], 1, 7),
                field(expression, parts[5], 1970, 2199), isAny(parts[2]), isAny(parts[4]));
    }

    boolean matchesDay(ZonedDateTime time) {
        // EventBridge numbers days of the week from 1 = Sunday.
        int dayOfWeek = time.getDayOfWeek().getValue() % 7 + 1;
        boolean day = (anyDayOfMonth || daysOfMonth.get(time.getDayOfMonth())) && (anyDayOfWeek || daysOfWeek.get(dayOfWeek));
        return day && months.get(time.getMonthValue()) && years.get(time.getYear());
    }

    boolean matchesHour(ZonedDateTime time) {
        return hours.get(time.getHour());
    }

    boolean matchesMinute(ZonedDateTime time) {
        return minutes.get(time.getMinute());
    }

    private static boolean isAny(String field) {
        return field.equals("*") || field.equals("?");
    }

    private static BitSet field(String expression, String field, int min, int max) {
        BitSet values = new BitSet(max + 1);
        for (String item : field.split(",")) {
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(expression, item.substring(slash + 1), 1, max);
            }
            int from;
            int to;
            if (range.equals("*") || range.equals("?")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                from = number(expression, range.substring(0, range.indexOf('-')), min, max);
                to = number(expression, range.substring(range.indexOf('-') + 1), min, max);
            } else {
                from = number(expression, range, min, max);
                to = slash >= 0 ? max : from;
            }
            for (int value = from; value <= to; value += step) {
                values.set(value);
            }
        }
        return values;
    }

    private static int number(String expression, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new InvalidScheduleExpressionException(expression, "'" + text + "' is not a number from " + min + " to " + max
                + " (L, W, # and names are not supported locally)");
    }
}
