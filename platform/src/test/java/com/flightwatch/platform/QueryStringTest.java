package com.flightwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryStringTest {

    @Test
    void query_withMalformedEscapes_keepsTheRawTextInsteadOfFailing() {
        assertThat(QueryString.parse("cursor=%&flightNumber=%ZZ&status=%E9&limit=%2"))
                .containsEntry("cursor", List.of("%"))
                .containsEntry("flightNumber", List.of("%ZZ"))
                .containsEntry("limit", List.of("%2"));
    }

    @Test
    void query_withWellFormedEscapes_decodesThem() {
        assertThat(QueryString.parse("phone=%2B14155550100&name=Ada+Lovelace&x=%C3%A9"))
                .containsEntry("phone", List.of("+14155550100"))
                .containsEntry("name", List.of("Ada Lovelace"))
                .containsEntry("x", List.of("é"));
    }
}
