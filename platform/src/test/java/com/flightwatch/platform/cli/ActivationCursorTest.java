package com.flightwatch.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivationCursorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-11-24T05:00:00Z");

    private final ActivationCursor cursor = new ActivationCursor(START, Duration.ofSeconds(3));

    @Test
    void accept_sameAnswerTwice_showsEachActivationOnce() {
        List<JsonNode> answer = List.of(activation("b", 20), activation("a", 10));

        assertThat(ids(cursor.accept(answer))).containsExactly("a", "b");
        assertThat(cursor.accept(answer)).isEmpty();
    }

    @Test
    void accept_secondActivationEndingInTheSameMillisecondArrivesLater_isStillShown() {
        cursor.accept(List.of(activation("first", 500)));

        assertThat(cursor.since()).isBefore(START.plusMillis(500));
        assertThat(ids(cursor.accept(List.of(activation("second", 500), activation("first", 500)))))
                .containsExactly("second");
    }

    @Test
    void accept_recordStoredAfterALaterOne_isShownOnTheNextPoll() {
        cursor.accept(List.of(activation("later", 2_000)));

        assertThat(ids(cursor.accept(List.of(activation("later", 2_000), activation("earlier", 1_900)))))
                .containsExactly("earlier");
    }

    @Test
    void accept_activationThatEndedBeforeTheStart_isNotShown() {
        assertThat(cursor.accept(List.of(activation("before", -1)))).isEmpty();
        assertThat(cursor.since()).isEqualTo(START);
    }

    @Test
    void accept_manyPolls_forgetsIdsOutsideTheLookback() {
        for (int second = 0; second < 100; second++) {
            cursor.accept(List.of(activation("s-" + second, second * 1_000L)));
        }

        assertThat(cursor.remembered()).isLessThanOrEqualTo(4);
        assertThat(cursor.since()).isEqualTo(START.plusSeconds(99 - 3));
    }

    private static JsonNode activation(String id, long millisAfterStart) {
        return JSON.createObjectNode().put("activationId", id).put("end", START.toEpochMilli() + millisAfterStart);
    }

    private static List<String> ids(List<JsonNode> activations) {
        return activations.stream().map(a -> a.path("activationId").asText()).toList();
    }
}
