package com.flightwatch.common.validation;

import com.flightwatch.common.exceptions.FieldError;
import com.flightwatch.common.exceptions.ValidationException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Collects every field error of a request, so a client learns all its mistakes in one answer.
 * Each check returns the parsed value, or null when the field is missing or invalid.
 */
public final class Validator {

    /**
     * The years MySQL's DATE and DATETIME are documented to hold (1000-9999): a date-time of 9999-12-31
     * at -12:00 is in year 10000 once stored in UTC, which the database refuses with an error.
     */
    static final int MIN_YEAR = 1000;
    static final int MAX_YEAR = 9999;

    private final List<FieldError> errors = new ArrayList<>();

    public String required(String field, String value) {
        if (value == null) {
            add(field, "is required");
        }
        return value;
    }

    /** Length is counted in Unicode code points, as JSON Schema and MySQL's VARCHAR do. */
    public String text(String field, String value, int minLength, int maxLength) {
        if (required(field, value) == null) {
            return null;
        }
        // JSON can carry a lone surrogate ("\ud800"), which is no character: stored, it would come back as '?'.
        if (value.codePoints().anyMatch(codePoint -> Character.getType(codePoint) == Character.SURROGATE)) {
            add(field, "must be valid Unicode text (it holds an unpaired surrogate)");
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length < minLength || length > maxLength) {
            add(field, minLength == maxLength
                    ? "must be exactly " + maxLength + " characters long"
                    : "must be " + minLength + " to " + maxLength + " characters long");
            return null;
        }
        return value;
    }

    public String matching(String field, String value, int maxLength, Pattern pattern, String description) {
        if (text(field, value, 1, maxLength) == null) {
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            add(field, "must be " + description + " (pattern " + pattern.pattern() + ")");
            return null;
        }
        return value;
    }

    /** Free text shown to people: 1..max characters, not blank, no control characters. */
    public String humanText(String field, String value, int maxLength) {
        if (text(field, value, 1, maxLength) == null) {
            return null;
        }
        if (value.isBlank()) {
            add(field, "must not be blank");
            return null;
        }
        if (!FieldRules.NO_CONTROL_CHARS.matcher(value).matches()) {
            add(field, "must not contain control characters such as line breaks");
            return null;
        }
        return value;
    }

    public LocalDate date(String field, String value) {
        if (text(field, value, 1, FieldRules.DATE_MAX) == null) {
            return null;
        }
        try {
            if (FieldRules.DATE.matcher(value).matches()) {
                LocalDate date = LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
                if (date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR) {
                    return date;
                }
                add(field, "must be a date from " + MIN_YEAR + "-01-01 to " + MAX_YEAR + "-12-31");
                return null;
            }
        } catch (DateTimeParseException e) {
            // falls through to the error below: shaped like a date but not one (2026-02-30)
        }
        add(field, "must be a date as YYYY-MM-DD");
        return null;
    }

    /** An RFC 3339 date-time with its offset, e.g. 2026-12-24T18:45:00-05:00. */
    public OffsetDateTime dateTime(String field, String value) {
        if (text(field, value, 1, FieldRules.DATE_TIME_MAX) == null) {
            return null;
        }
        try {
            if (FieldRules.DATE_TIME.matcher(value).matches()) {
                OffsetDateTime dateTime = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                int utcYear = dateTime.withOffsetSameInstant(ZoneOffset.UTC).getYear();
                if (utcYear >= MIN_YEAR && utcYear <= MAX_YEAR) {
                    return dateTime;
                }
                add(field, "must be from " + MIN_YEAR + "-01-01T00:00:00Z to " + MAX_YEAR + "-12-31T23:59:59Z once in UTC");
                return null;
            }
        } catch (DateTimeParseException e) {
            // falls through: shaped like a date-time but not one (2026-12-24T25:00:00Z)
        }
        add(field, "must be a date-time with an offset, e.g. 2026-12-24T18:45:00-05:00");
        return null;
    }

    public <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        if (required(field, value) == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        add(field, "must be one of " + List.of(type.getEnumConstants()).toString().replace(" ", ""));
        return null;
    }

    public int integer(String field, String value, int min, int max, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below together with the range
        }
        add(field, String.format(Locale.ROOT, "must be a whole number from %d to %d", min, max));
        return defaultValue;
    }

    public void check(boolean valid, String field, String message) {
        if (!valid) {
            add(field, message);
        }
    }

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
