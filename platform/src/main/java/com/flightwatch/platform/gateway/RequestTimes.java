package com.flightwatch.platform.gateway;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code requestContext.requestTime} in API Gateway's CLF format ({@code 24/Nov/2026:05:01:02 +0000}),
 * formatted once per second rather than once per request: the text only changes every second.
 */
final class RequestTimes {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private record Formatted(long epochSecond, String text) {
    }

    private volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

    String format(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        Formatted cached = last;
        if (cached.epochSecond() != second) {
            cached = new Formatted(second, FORMAT.format(Instant.ofEpochSecond(second)));
            last = cached;
        }
        return cached.text();
    }
}
