package com.flightwatch.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.platform.stack.ThrottleSpec;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ThrottleConverterTest {

    private final ThrottleConverter converter = new ThrottleConverter();

    @Test
    void convert_rateSlashBurst_readsBoth() {
        assertThat(converter.convert("10000/5000")).isEqualTo(new ThrottleSpec(10_000, 5_000));
        assertThat(converter.convert(" 2.5/3 ")).isEqualTo(new ThrottleSpec(2.5, 3));
    }

    @Test
    void convert_malformedOrZero_isRefusedWithTheValue() {
        assertThatThrownBy(() -> converter.convert("10000")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'10000' is not RATE/BURST");
        assertThatThrownBy(() -> converter.convert("0/10")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("positive rate");
        assertThatThrownBy(() -> converter.convert("5/0")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("burst of at least 1");
    }
}
