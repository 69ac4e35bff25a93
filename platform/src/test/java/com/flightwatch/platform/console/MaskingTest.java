package com.flightwatch.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void apiKey_longValue_showsOnlyItsFirstFourCharacters() {
        assertThat(Masking.apiKey("AbCd1234efgh5678ijkl")).isEqualTo("AbCd****");
    }

    @Test
    void apiKey_shortValue_showsNothingOfIt() {
        assertThat(Masking.apiKey("12345678")).isEqualTo("****");
    }

    @Test
    void apiKey_unknownValue_staysNull() {
        assertThat(Masking.apiKey(null)).isNull();
    }

    @Test
    void environment_secretLookingNames_hidesTheirValuesAndSortsByName() {
        Map<String, String> shown = Masking.environment(Map.of("DB_PASSWORD", "pw", "DB_URL", "jdbc:mysql://h/db",
                "API_KEY", "k", "CLIENT_SECRET", "s", "SESSION_TOKEN", "t", "KEYBOARD", "qwerty"));

        assertThat(shown).containsExactly(
                Map.entry("API_KEY", Masking.HIDDEN), Map.entry("CLIENT_SECRET", Masking.HIDDEN),
                Map.entry("DB_PASSWORD", Masking.HIDDEN), Map.entry("DB_URL", "jdbc:mysql://h/db"),
                Map.entry("KEYBOARD", "qwerty"), Map.entry("SESSION_TOKEN", Masking.HIDDEN));
    }
}
