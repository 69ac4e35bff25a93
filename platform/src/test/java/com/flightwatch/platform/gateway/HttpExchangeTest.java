package com.flightwatch.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpExchangeTest {

    @Test
    void decodePath_withMalformedEscape_keepsTheRawPath() {
        assertThat(HttpExchange.decodePath("/flights/%2")).isEqualTo("/flights/%2");
        assertThat(HttpExchange.decodePath("/flights/a+b%ZZ")).isEqualTo("/flights/a+b%ZZ");
    }

    @Test
    void decodePath_withEscapesAndPlus_decodesEscapesAndKeepsPlus() {
        assertThat(HttpExchange.decodePath("/flights/a+b%20c")).isEqualTo("/flights/a+b c");
    }
}
