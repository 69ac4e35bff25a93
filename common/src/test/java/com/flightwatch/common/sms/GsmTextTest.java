package com.flightwatch.common.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GsmTextTest {

    @Test
    void length_basicCharacters_countOne() {
        assertThat(GsmText.length("Hello @ £5")).isEqualTo(10);
    }

    @Test
    void length_extensionCharacters_countTwo() {
        assertThat(GsmText.length("{}€")).isEqualTo(6);
    }

    @Test
    void isGsm_emoji_isFalse() {
        assertThat(GsmText.isGsm("Delayed \uD83D\uDE22")).isFalse();
    }

    @Test
    void tidy_collapsesWhitespaceAndReplacesEllipsis() {
        assertThat(GsmText.tidy("  Fog\u00A0 at   JFK\u2026 ")).isEqualTo("Fog at JFK...");
    }
}
