package com.flightwatch.platform.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --since} as people write it: a span back from now ({@code 10m}, {@code 2h}, {@code 1d},
 * {@code PT30M}), an ISO-8601 time with its offset ({@code 2026-11-24T05:00:00Z}) or epoch milliseconds.
 */
final class SinceConverter implements ITypeConverter<Instant> {

    private static final Clock CLOCK = Clock.systemUTC();

    @Override
    public Instant convert(String value) {
        return parse(value, CLOCK.instant());
    }

    static Instant parse(String value, Instant now) {
        String text = value.trim();
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notATime) {
            // then a span back from now
        }
        Duration back;
        try {
            back = new DurationConverter().convert(text);
        } catch (TypeConversionException e) {
            throw new TypeConversionException("'" + value + "' is not a time: write a span back from now (10m, 2h, 1d),"
                    + " an ISO-8601 time (2026-11-24T05:00:00Z) or epoch milliseconds");
        }
        return now.minus(back);
    }
}
