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
