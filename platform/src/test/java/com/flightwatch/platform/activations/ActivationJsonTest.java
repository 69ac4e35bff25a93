package com.flightwatch.platform.activations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActivationJsonTest {

    private static final Instant END = Instant.parse("2026-11-24T05:00:00Z");

    @Test
    void full_successfulColdActivation_hasOpenWhisksFieldsAndAnnotations() {
        Activation activation = new Activation("id-1", "flights", Activation.LATEST, "gateway", "req-9",
                END.minusMillis(12), END, 12, 350L, 4, "SUCCESS", null, null, "{\"statusCode\":200}", "one\ntwo\n",
                "java21", 512);

        JsonNode json = ActivationJson.full(activation);

        assertThat(json.path("activationId").asText()).isEqualTo("id-1");
        assertThat(json.path("name").asText()).isEqualTo("flights");
        assertThat(json.path("version").asText()).isEqualTo("$LATEST");
        assertThat(json.path("cause").asText()).isEqualTo("req-9");
        assertThat(json.path("start").asLong()).isEqualTo(END.toEpochMilli() - 12);
        assertThat(json.path("end").asLong()).isEqualTo(END.toEpochMilli());
        assertThat(json.path("duration").asLong()).isEqualTo(12);
        assertThat(json.path("response").path("status").asText()).isEqualTo("success");
        assertThat(json.path("response").path("success").asBoolean()).isTrue();
        assertThat(json.path("response").path("result").path("statusCode").asInt()).isEqualTo(200);
        assertThat(json.path("logs")).hasSize(2);
        assertThat(json.path("logs").get(1).asText()).isEqualTo("two");
        assertThat(annotation(json, "kind").asText()).isEqualTo("java21");
        assertThat(annotation(json, "limits").path("memory").asInt()).isEqualTo(512);
        assertThat(annotation(json, "waitTime").asLong()).isEqualTo(4);
        assertThat(annotation(json, "initTime").asLong()).isEqualTo(350);
    }

    @Test
    void summary_timedOutActivationWithCappedResult_isADeveloperErrorWithoutResultOrLogs() {
        Activation activation = new Activation("id-2", "flights", Activation.LATEST, "topic", null, END, END, 0, null,
                0, "TIMEOUT", "Sandbox.Timedout", "timed out", "{\"trunc" + Activations.TRUNCATED_MARK, "x", null, null);

        JsonNode summary = ActivationJson.summary(activation);
        JsonNode result = ActivationJson.response(activation, true);

        assertThat(summary.path("response").path("statusCode").asInt()).isEqualTo(2);
        assertThat(summary.path("response").path("status").asText()).isEqualTo("action developer error");
        assertThat(summary.has("logs")).isFalse();
        assertThat(summary.path("response").has("result")).isFalse();
        assertThat(summary.has("cause")).isFalse();
        assertThat(summary.has("initDuration")).isFalse();
        assertThat(result.path("result").isTextual()).isTrue();
    }

    private static JsonNode annotation(JsonNode json, String key) {
        for (JsonNode annotation : json.path("annotations")) {
            if (annotation.path("key").asText().equals(key)) {
                return annotation.path("value");
            }
        }
        throw new AssertionError("no annotation " + key + " in " + json);
    }
}
