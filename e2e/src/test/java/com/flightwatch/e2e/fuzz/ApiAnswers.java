package com.flightwatch.e2e.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The oracle every generated request is judged by: never a 5xx; a refusal is a 4xx whose JSON
 * says what is wrong, naming the field when one field is to blame. Also keeps the figures of a run
 * (requests per status) for the report.
 */
final class ApiAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();

    /**
     * @param request what was sent, for the failure message
     * @param field   the field a refusal must name; null when the body as a whole is wrong
     * @return the answer's JSON body
     */
    JsonNode check(Object request, int status, String body, String field, boolean mustRefuse) {
        return check(request, status, body, field == null ? List.of() : List.of(field), mustRefuse);
    }

    /**
     * @param blamable the fields of which a refusal must name one (several when more than one part of
     *                 the request was generated wrong); empty when the body as a whole is wrong
     */
    JsonNode check(Object request, int status, String body, List<String> blamable, boolean mustRefuse) {
        statuses.computeIfAbsent(status, ignored -> new AtomicLong()).incrementAndGet();
        String context = "\nrequest: " + request + "\nanswer: " + status + " " + abbreviate(body);
        if (status >= 500) {
            throw new AssertionError("A 5xx for bad input" + context);
        }
        if (mustRefuse && (status < 400 || status >= 500)) {
            throw new AssertionError("Accepted a request the contract refuses" + context);
        }
        if (status == 414 || status == 431) {
            // The HTTP layer's own answer to a request line or headers past its limits, before any route
            // is matched; on AWS the CloudFront front end answers these too, not with API Gateway's JSON.
            return JSON.createObjectNode();
        }
        JsonNode json = parse(body, context);
        if (status >= 400) {
            String message = json.path("message").asText("");
            if (message.isBlank()) {
                throw new AssertionError("A refusal without a message" + context);
            }
            if (!blamable.isEmpty() && status == 400 && blamable.stream().noneMatch(field -> names(json, field))) {
                throw new AssertionError("A refusal that does not name " + String.join(" or ", blamable) + context);
            }
        }
        return json;
    }

    /** The field appears in the gateway's message or in one of the function's errors[].field. */
    static boolean names(JsonNode answer, String field) {
        if (answer.path("message").asText("").contains(field)) {
            return true;
        }
        for (JsonNode error : answer.path("errors")) {
            if (error.path("field").asText("").contains(field)) {
                return true;
            }
        }
        return false;
    }

    /** A 201 answers the flight as sent: same fields, the same instant (to the millisecond, in UTC), the same passengers. */
    static void assertFlightEchoes(JsonNode sent, JsonNode created, String idPattern) {
        assertThat(created.path("flightId").asText()).matches(idPattern);
        for (String field : List.of("flightNumber", "departureDate", "origin", "destination")) {
            assertThat(created.path(field).asText()).as(field).isEqualTo(sent.path(field).asText());
        }
        // DATETIME(3): kept to the millisecond.
        assertThat(OffsetDateTime.parse(created.path("scheduledDeparture").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse(sent.path("scheduledDeparture").asText()).toInstant()
                        .truncatedTo(ChronoUnit.MILLIS));
        List<String> sentPassengers = new ArrayList<>();
        sent.path("passengers").forEach(passenger -> sentPassengers.add(passengerKey(passenger)));
        List<String> createdPassengers = new ArrayList<>();
        created.path("passengers").forEach(passenger -> createdPassengers.add(passengerKey(passenger)));
        assertThat(createdPassengers).containsExactlyInAnyOrderElementsOf(sentPassengers);
    }

    private static String passengerKey(JsonNode passenger) {
        return passenger.path("firstName").asText() + "|" + passenger.path("lastName").asText() + "|"
                + passenger.path("email").asText() + "|" + passenger.path("phone").asText();
    }

    /** Requests per status, in status order. */
    Map<Integer, Long> figures() {
        Map<Integer, Long> figures = new TreeMap<>();
        statuses.forEach((status, count) -> figures.put(status, count.get()));
        return figures;
    }

    private static JsonNode parse(String body, String context) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || !json.isObject()) {
                throw new AssertionError("An answer that is not a JSON object" + context);
            }
            return json;
        } catch (IOException e) {
            throw new AssertionError("An answer that is not JSON" + context, e);
        }
    }

    /** An answer's body as JSON; not JSON is a failure. */
    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + abbreviate(body), e);
        }
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
