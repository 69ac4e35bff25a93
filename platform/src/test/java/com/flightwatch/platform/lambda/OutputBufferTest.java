package com.flightwatch.platform.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputBufferTest {

    @Test
    void take_withinTheCap_returnsEverythingOnceUnmarked() {
        OutputBuffer buffer = new OutputBuffer(16);
        write(buffer, "hello ");
        write(buffer, "world");

        assertThat(buffer.take()).isEqualTo("hello world");
        assertThat(buffer.take()).isEmpty();
    }

    @Test
    void take_pastTheCapInSmallWrites_keepsTheNewestBytesAndMarksTheTruncation() {
        OutputBuffer buffer = new OutputBuffer(8);
        for (char c = 'a'; c <= 'z'; c++) {
            write(buffer, String.valueOf(c));
        }

        assertThat(buffer.take()).isEqualTo(OutputCapture.TRUNCATED_MARK + "stuvwxyz");
    }

    @Test
    void take_oneWriteLargerThanTheCap_keepsItsTail() {
        OutputBuffer buffer = new OutputBuffer(4);
        write(buffer, "abcdefgh");

        assertThat(buffer.take()).isEqualTo(OutputCapture.TRUNCATED_MARK + "efgh");
    }

    private static void write(OutputBuffer buffer, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        buffer.write(bytes, 0, bytes.length);
    }
}
