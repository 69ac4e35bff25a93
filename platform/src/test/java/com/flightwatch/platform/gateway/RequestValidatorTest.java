package com.flightwatch.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestValidatorTest {

    @Test
    void isUtf8_ofWellFormedText_isTrue() {
        assertThat(RequestValidator.isUtf8("{\"name\": \"Łódź 中文 😀\"}".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(RequestValidator.isUtf8(new byte[0])).isTrue();
    }

    @Test
    void isUtf8_ofOverlongSurrogateOrOutOfRangeBytes_isFalse() {
        assertThat(RequestValidator.isUtf8(new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'})).as("overlong '/'").isFalse();
        assertThat(RequestValidator.isUtf8(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}))
                .as("encoded surrogate").isFalse();
        assertThat(RequestValidator.isUtf8(new byte[] {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}))
                .as("past U+10FFFF").isFalse();
        assertThat(RequestValidator.isUtf8(new byte[] {'"', (byte) 0x80, '"'})).as("lone continuation byte").isFalse();
        assertThat(RequestValidator.isUtf8(new byte[] {'"', (byte) 0xFF, '"'})).isFalse();
    }
}
