package com.flightwatch.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HttpExchangeTest {

    @Test
    void query_withMalformedEscapes_keepsTheRawTextInsteadOfFailing() {
        assertThat(HttpExchange.query("cursor=%&flightNumber=%ZZ&status=%E9&limit=%2"))
                .containsEntry("cursor", List.of("%"))
                .containsEntry("flightNumber", List.of("%ZZ"))
                .containsEntry("limit", List.of("%2"));
    }

    @Test
    void query_withWellFormedEscapes_decodesThem() {
        assertThat(HttpExchange.query("phone=%2B14155550100&name=Ada+Lovelace&x=%C3%A9"))
                .containsEntry("phone", List.of("+14155550100"))
                .containsEntry("name", List.of("Ada Lovelace"))
                .containsEntry("x", List.of("é"));
    }

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
