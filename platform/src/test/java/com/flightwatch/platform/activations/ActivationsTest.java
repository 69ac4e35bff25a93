package com.flightwatch.platform.activations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ActivationsTest {

    @Test
    void capTail_textWithinTheCap_isUnchanged() {
        assertThat(Activations.capTail("short log")).isEqualTo("short log");
    }

    @Test
    void capTail_textOverTheCap_keepsItsEndAfterTheMark() {
        String logs = "a".repeat(Activations.MAX_TEXT_BYTES) + "the end";

        String capped = Activations.capTail(logs);

        assertThat(capped).startsWith(Activations.TRUNCATED_MARK).endsWith("the end");
        assertThat(capped.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Activations.MAX_TEXT_BYTES);
    }

    @Test
    void capHead_multiByteTextOverTheCap_keepsWholeCharactersAndEndsWithTheMark() {
        String result = "é".repeat(Activations.MAX_TEXT_BYTES);

        String capped = Activations.capHead(result);

        assertThat(capped).endsWith(Activations.TRUNCATED_MARK).doesNotContain("\uFFFD");
        assertThat(capped.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Activations.MAX_TEXT_BYTES);
    }
}
