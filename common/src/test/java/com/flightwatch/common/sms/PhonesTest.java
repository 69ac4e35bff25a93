package com.flightwatch.common.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhonesTest {

    @Test
    void mask_usNumber_keepsFirstFiveAndLastTwo() {
        assertThat(Phones.mask("+14155550100")).isEqualTo("+1415*****00");
    }

    @Test
    void mask_longestE164_keepsLengthAndMasksMiddle() {
        assertThat(Phones.mask("+123456789012345")).isEqualTo("+1234*********45");
    }

    @Test
    void mask_shortestE164_masksOneDigit() {
        assertThat(Phones.mask("+1234567")).isEqualTo("+1234*67");
    }

    @Test
    void mask_tooShortToMaskPartly_masksEverything() {
        assertThat(Phones.mask("+12345")).isEqualTo("******");
    }

    @Test
    void mask_null_isNull() {
        assertThat(Phones.mask(null)).isNull();
    }
}
