package com.flightwatch.platform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where {@code activations poll} stands: which activations it has shown, and from when to ask next.
 * It asks again from a little before the newest end it has seen ({@code lookback}) rather than from
 * just after it, and remembers the ids it showed in that window: so two activations that end in the
 * same millisecond, or one whose record is stored a moment after a later one's, are neither missed
 * nor shown twice.
 */
final class ActivationCursor {

    private static final Comparator<JsonNode> OLDEST_FIRST = Comparator.comparingLong((JsonNode a) -> end(a))
            .thenComparing(a -> a.path("activationId").asText());

    private final Instant floor;
    private final Duration lookback;
    private final Map<String, Long> shown = new HashMap<>();
    private Instant newest;

    /** @param floor show nothing that ended before this */
    ActivationCursor(Instant floor, Duration lookback) {
        this.floor = floor;
        this.lookback = lookback;
        this.newest = floor;
    }

    /** The {@code since=} of the next query. */
    Instant since() {
        Instant back = newest.minus(lookback);
        return back.isBefore(floor) ? floor : back;
    }

    /** @return the activations of an answer not shown before, oldest first; they count as shown from now on */
    List<JsonNode> accept(List<JsonNode> answer) {
        List<JsonNode> fresh = new ArrayList<>();
        for (JsonNode activation : answer) {
            String id = activation.path("activationId").asText();
            if (end(activation) >= floor.toEpochMilli() && !shown.containsKey(id)) {
                shown.put(id, end(activation));
                fresh.add(activation);
                if (end(activation) > newest.toEpochMilli()) {
                    newest = Instant.ofEpochMilli(end(activation));
                }
            }
        }
        long forgetBefore = since().toEpochMilli(); // no later query returns these again
        shown.values().removeIf(end -> end < forgetBefore);
        fresh.sort(OLDEST_FIRST);
        return fresh;
    }

    /** How many ids it remembers (what bounds its memory). */
    int remembered() {
        return shown.size();
    }

    private static long end(JsonNode activation) {
        return activation.path("end").asLong();
    }
}
