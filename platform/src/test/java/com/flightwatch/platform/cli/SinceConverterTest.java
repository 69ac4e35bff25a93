package com.flightwatch.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class SinceConverterTest {

    private static final Instant NOW = Instant.parse("2026-11-24T05:00:00Z");

    @Test
    void parse_spanBack_isThatLongBeforeNow() {
        assertThat(SinceConverter.parse("10m", NOW)).isEqualTo(Instant.parse("2026-11-24T04:50:00Z"));
        assertThat(SinceConverter.parse("PT2H", NOW)).isEqualTo(Instant.parse("2026-11-24T03:00:00Z"));
    }

    @Test
    void parse_isoTimeOrEpochMillis_isThatTime() {
        assertThat(SinceConverter.parse("2026-11-24T06:30:00+02:00", NOW)).isEqualTo(Instant.parse("2026-11-24T04:30:00Z"));
        assertThat(SinceConverter.parse("1764000000000", NOW)).isEqualTo(Instant.ofEpochMilli(1764000000000L));
    }

    @Test
    void parse_somethingElse_failsSayingWhatToWrite() {
        assertThatThrownBy(() -> SinceConverter.parse("yesterday", NOW)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("10m").hasMessageContaining("ISO-8601");
    }
}
