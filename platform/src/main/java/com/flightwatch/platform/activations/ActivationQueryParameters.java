package com.flightwatch.platform.activations;

import com.flightwatch.platform.lambda.InvocationStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads {@code ?function=&status=&since=&upto=&limit=&skip=} into an {@link ActivationQuery}. Every
 * bad value is an {@link IllegalArgumentException} whose message names the parameter.
 */
final class ActivationQueryParameters {

    private ActivationQueryParameters() {
    }

    /** @param parameters the request's query parameter of a name, or null when absent */
    static ActivationQuery read(Function<String, String> parameters) {
        String status = parameters.apply("status");
        if (status != null) {
            status = status.toUpperCase(Locale.ROOT);
            String given = status;
            if (Arrays.stream(InvocationStatus.values()).noneMatch(known -> known.name().equals(given))) {
                throw new IllegalArgumentException("status must be one of " + Arrays.toString(InvocationStatus.values())
                        + ", not " + parameters.apply("status"));
            }
        }
        return new ActivationQuery(parameters.apply("function"), status,
                time("since", parameters.apply("since")), time("upto", parameters.apply("upto")),
                number("limit", parameters.apply("limit"), ActivationQuery.DEFAULT_LIMIT),
                number("skip", parameters.apply("skip"), 0));
    }

    /** Epoch milliseconds (OpenWhisk's form) or an ISO-8601 time with its offset ({@code 2026-11-24T05:00:00Z}). */
    static Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " is out of range: " + value);
            }
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be epoch milliseconds or an ISO-8601 time such as"
                    + " 2026-11-24T05:00:00Z, not " + value);
        }
    }

    private static int number(String name, String value, int absent) {
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not " + value);
        }
    }
}
