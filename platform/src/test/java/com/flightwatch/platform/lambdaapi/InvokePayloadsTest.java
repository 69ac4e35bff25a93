package com.flightwatch.platform.lambdaapi;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InvokePayloadsTest {

    @Test
    void requireJson_ofAnyJsonValue_passes() {
        for (String json : new String[] {"{}", "{\"a\": [1, 2.5, true, null, {\"b\": \"é😀\"}]}", "[]", "\"text\"", "5", "null",
                " {\"a\": 1} "}) {
            assertThatCode(() -> InvokePayloads.requireJson(bytes(json))).as(json).doesNotThrowAnyException();
        }
    }

    @Test
    void requireJson_ofTextTruncatedOrTrailingContent_throwsInvalidRequestContent() {
        for (String notJson : new String[] {"not json", "{\"a\": ", "{\"a\": 1} {\"b\": 2}", "<xml/>", "", "[1, 2"}) {
            assertThatThrownBy(() -> InvokePayloads.requireJson(bytes(notJson))).as(notJson)
                    .isInstanceOf(InvalidRequestContentException.class)
                    .hasMessageStartingWith("Could not parse request body into json: Could not parse payload into json: ");
        }
    }

    @Test
    void requireJson_ofInvalidUtf8InAString_throwsInvalidRequestContent() {
        byte[] payload = {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'};

        assertThatThrownBy(() -> InvokePayloads.requireJson(payload)).isInstanceOf(InvalidRequestContentException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
