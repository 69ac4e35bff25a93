package com.flightwatch.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void convert_shortForms_readAsTheirUnit() {
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(converter.convert("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(converter.convert("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(converter.convert("7d")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void convert_isoForm_isAccepted() {
        assertThat(converter.convert("PT90S")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void convert_somethingElse_failsSayingHowToWriteIt() {
        assertThatThrownBy(() -> converter.convert("ten minutes"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("30s, 10m");
    }
}
