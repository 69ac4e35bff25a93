package com.flightwatch.platform.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"+447700900123", "+14155550100", "+12", "+123456789012345"})
    void isE164_whenPlusCountryCodeAndUpTo15Digits_accepts(String phoneNumber) {
        assertThat(PhoneNumbers.isE164(phoneNumber)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"447700900123", "+0447700900123", "+1234567890123456", "+44 7700 900123", "+44-7700",
            "+", "+1", "", "+44770090012a", "00447700900123"})
    void isE164_whenNotE164_rejects(String phoneNumber) {
        assertThat(PhoneNumbers.isE164(phoneNumber)).isFalse();
    }

    @Test
    void isE164_whenNull_rejects() {
        assertThat(PhoneNumbers.isE164(null)).isFalse();
    }

    @Test
    void requireE164_whenMalformed_throwsInvalidParameterWithoutTheNumber() {
        assertThatThrownBy(() -> PhoneNumbers.requireE164("+44 7700 900123"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Invalid parameter: PhoneNumber")
                .hasMessageNotContaining("7700")
                .extracting(e -> ((SnsException) e).errorCode()).isEqualTo("InvalidParameter");
    }

    @Test
    void mask_keepsPlusAndLastTwoDigitsOnly() {
        assertThat(PhoneNumbers.mask("+447700900123")).isEqualTo("+**********23");
    }

    @Test
    void mask_whenTooShortToHideAnything_hidesAll() {
        assertThat(PhoneNumbers.mask("+12")).isEqualTo("***");
        assertThat(PhoneNumbers.mask(null)).isEqualTo("***");
    }
}
