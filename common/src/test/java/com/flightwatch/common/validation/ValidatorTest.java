package com.flightwatch.common.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.common.domain.NotificationType;
import com.flightwatch.common.exceptions.FieldError;
import com.flightwatch.common.exceptions.ValidationException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ValidatorTest {

    private final Validator validator = new Validator();

    @Test
    void throwIfInvalid_withSeveralBadFields_reportsEveryOne() {
        validator.required("a", null);
        validator.matching("b", "ua123", FieldRules.FLIGHT_NUMBER_MAX, FieldRules.FLIGHT_NUMBER, "a flight number");
        validator.date("c", "2026-02-30");

        assertThatThrownBy(validator::throwIfInvalid)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("a", "b", "c"));
    }

    @Test
    void throwIfInvalid_withNoErrors_doesNothing() {
        validator.text("name", "Ada", 1, 100);

        validator.throwIfInvalid();

        assertThat(validator.hasErrors()).isFalse();
    }

    @Test
    void text_countsCodePointsNotUtf16Units() {
        String fiveEmoji = "\uD83D\uDE00".repeat(5);

        assertThat(validator.text("name", fiveEmoji, 1, 5)).isEqualTo(fiveEmoji);
        assertThat(validator.hasErrors()).isFalse();
    }

    @Test
    void text_overMaxLength_isAnError() {
        assertThat(validator.text("name", "x".repeat(101), 1, 100)).isNull();
        assertThat(validator.hasErrors()).isTrue();
    }

    @Test
    void humanText_withLineBreak_isAnError() {
        assertThat(validator.humanText("reason", "Weather\nat JFK", 200)).isNull();
    }

    @Test
    void humanText_blank_isAnError() {
        assertThat(validator.humanText("reason", "   ", 200)).isNull();
    }

    @Test
    void date_valid_isParsed() {
        assertThat(validator.date("d", "2026-12-24")).isEqualTo(LocalDate.of(2026, 12, 24));
    }

    @Test
    void date_withYearBeyondFourDigits_isAnError() {
        assertThat(validator.date("d", "+12026-12-24")).isNull();
        assertThat(validator.hasErrors()).isTrue();
    }

    @Test
    void date_beforeYear1000OrAfter9999_isAnErrorNamingTheRange() {
        assertThat(validator.date("departureDate", "0000-01-01")).isNull();
        assertThat(validator.date("departureDate", "0999-12-31")).isNull();
        assertThat(validator.date("departureDate", "1000-01-01")).isEqualTo(LocalDate.of(1000, 1, 1));
        assertThat(validator.date("departureDate", "9999-12-31")).isEqualTo(LocalDate.of(9999, 12, 31));

        assertThatThrownBy(validator::throwIfInvalid).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(FieldError::message)
                        .containsOnly("must be a date from 1000-01-01 to 9999-12-31"));
    }

    @Test
    void dateTime_outsideYears1000To9999OnceInUtc_isAnError() {
        assertThat(validator.dateTime("scheduledDeparture", "9999-12-31T23:59:59-12:00")).isNull();
        assertThat(validator.dateTime("scheduledDeparture", "1000-01-01T00:00:00+14:00")).isNull();
        assertThat(validator.dateTime("scheduledDeparture", "9999-12-31T23:59:59+00:00")).isNotNull();
        assertThat(validator.dateTime("scheduledDeparture", "1000-01-01T10:00:00+09:00")).isNotNull();

        assertThatThrownBy(validator::throwIfInvalid).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(FieldError::field)
                        .containsExactly("scheduledDeparture", "scheduledDeparture"));
    }

    @Test
    void text_withUnpairedSurrogate_isAnError() {
        assertThat(validator.text("firstName", "\ud800x", 1, 100)).isNull();
        assertThat(validator.text("lastName", "x\udc00", 1, 100)).isNull();
        assertThat(validator.humanText("reason", "😀 fine", 200)).isEqualTo("😀 fine");

        assertThatThrownBy(validator::throwIfInvalid).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(FieldError::field)
                        .containsExactly("firstName", "lastName"));
    }

    @Test
    void dateTime_withOffset_isParsed() {
        assertThat(validator.dateTime("t", "2026-12-24T18:45:00-05:00"))
                .isEqualTo(OffsetDateTime.parse("2026-12-24T18:45:00-05:00"));
    }

    @Test
    void dateTime_withoutOffset_isAnError() {
        assertThat(validator.dateTime("t", "2026-12-24T18:45:00")).isNull();
        assertThat(validator.hasErrors()).isTrue();
    }

    @Test
    void dateTime_withoutSeconds_isAnError() {
        assertThat(validator.dateTime("t", "2026-12-24T18:45Z")).isNull();
    }

    @Test
    void oneOf_withUnknownValue_listsTheAllowedOnes() {
        assertThat(validator.oneOf("type", "LATE", NotificationType.class)).isNull();

        assertThatThrownBy(validator::throwIfInvalid)
                .hasMessageContaining("type must be one of [DELAYED,CANCELLED]");
    }

    @Test
    void integer_missing_givesTheDefault() {
        assertThat(validator.integer("limit", null, 1, 500, 50)).isEqualTo(50);
        assertThat(validator.hasErrors()).isFalse();
    }

    @Test
    void integer_outOfRange_isAnError() {
        validator.integer("limit", "501", 1, 500, 50);

        assertThat(validator.hasErrors()).isTrue();
    }

    @Test
    void phonePattern_acceptsE164AndRejectsLocalFormats() {
        assertThat(FieldRules.E164_PHONE.matcher("+14155550100").matches()).isTrue();
        assertThat(FieldRules.E164_PHONE.matcher("4155550100").matches()).isFalse();
        assertThat(FieldRules.E164_PHONE.matcher("+04155550100").matches()).isFalse();
    }

    @Test
    void flightNumberPattern_acceptsSuffixLetterAndRejectsLowerCase() {
        assertThat(FieldRules.FLIGHT_NUMBER.matcher("BA2490A").matches()).isTrue();
        assertThat(FieldRules.FLIGHT_NUMBER.matcher("ua123").matches()).isFalse();
        assertThat(FieldRules.FLIGHT_NUMBER.matcher("UA12345").matches()).isFalse();
    }
}
