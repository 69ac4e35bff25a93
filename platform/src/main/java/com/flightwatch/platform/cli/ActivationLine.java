package com.flightwatch.platform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One activation of a {@code /_platform/activations} list as one line: end time, id, function, status, duration, trigger. */
final class ActivationLine {

    private ActivationLine() {
    }

    static String format(JsonNode activation) {
        String cold = activation.has("initDuration")
                ? " (cold, init " + activation.path("initDuration").asLong() + " ms)" : "";
        return String.format("%s  %-36s %-24s %-15s %6d ms%s  %s",
                Instant.ofEpochMilli(activation.path("end").asLong()), activation.path("activationId").asText(),
                activation.path("name").asText(), activation.path("status").asText(),
                activation.path("duration").asLong(), cold, activation.path("trigger").asText());
    }
}
