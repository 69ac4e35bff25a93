package com.flightwatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Flightwatch's five operations as a soak mixes them: flights registered, read and added to,
 * cancellations (each texting every passenger of the flight) and alert queries, on flights the
 * soak itself registered. Every passenger's phone starts with {@link #PHONE_PREFIX}, so the texts
 * the soak caused can be counted in the outbox.
 */
final class SoakTraffic {

    static final String PHONE_PREFIX = "+1646";
    private static final LocalDate FIRST_DATE = LocalDate.of(2027, 3, 1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(35); // beyond the gateway's 29 s
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One kind of request, its share of the mix (in percent) and the status it must answer. */
    enum Operation {
        GET_FLIGHT(40, 200),
        QUERY_ALERTS(20, 200),
        REGISTER_FLIGHT(15, 201),
        ADD_PASSENGER(15, 201),
        NOTIFY(10, 202);

        final int percent;
        final int expectedStatus;

        Operation(int percent, int expectedStatus) {
            this.percent = percent;
            this.expectedStatus = expectedStatus;
        }
    }

    record Flight(String flightId, String number, String date) {
    }

    private final String gateway;
    private final String apiKey;
    private final List<Flight> flights = new CopyOnWriteArrayList<>();
    private final AtomicInteger flightCounter = new AtomicInteger();
    private final AtomicInteger phoneCounter = new AtomicInteger();
    private final AtomicLong alertsIssued = new AtomicLong();

    SoakTraffic(String gateway, String apiKey) {
        this.gateway = gateway;
        this.apiKey = apiKey;
    }

    /** A flight registration, whatever the mix: the other operations need flights to work on. */
    HttpRequest registration() {
        int n = flightCounter.getAndIncrement();
        String number = "SK" + (n % 9_999 + 1);
        String date = FIRST_DATE.plusDays(n / 9_999).toString();
        return post("/flights", """
                {"flightNumber": "%s", "departureDate": "%s", "origin": "CPH", "destination": "ARN",
                 "scheduledDeparture": "%sT07:05:00Z", "passengers": [%s, %s]}"""
                .formatted(number, date, date, passenger(), passenger())).build();
    }

    Operation pick(Random random) {
        if (flights.isEmpty()) {
            return Operation.REGISTER_FLIGHT;
        }
        int roll = random.nextInt(100);
        for (Operation operation : Operation.values()) {
            roll -= operation.percent;
            if (roll < 0) {
                return operation;
            }
        }
        return Operation.GET_FLIGHT;
    }

    HttpRequest request(Operation operation, Random random) {
        if (operation == Operation.REGISTER_FLIGHT) {
            return registration();
        }
        Flight flight = flights.get(random.nextInt(flights.size()));
        return switch (operation) {
            case GET_FLIGHT -> get("/flights/" + flight.flightId());
            case QUERY_ALERTS -> get("/alerts?flightNumber=" + flight.number() + "&departureDate=" + flight.date());
            case ADD_PASSENGER -> post("/flights/" + flight.flightId() + "/passengers",
                    "{\"passengers\": [" + passenger() + "]}").build();
            case NOTIFY -> post("/notifications", """
                    {"flightNumber": "%s", "departureDate": "%s", "type": "CANCELLED", "reason": "Soak test"}"""
                    .formatted(flight.number(), flight.date())).header("Idempotency-Key", UUID.randomUUID().toString())
                    .build();
            case REGISTER_FLIGHT -> throw new IllegalStateException("handled above");
        };
    }

    /** Learns from a successful answer: the flights registered, the alerts a cancellation issued. */
    void onSuccess(Operation operation, HttpResponse<String> response) {
        if (operation != Operation.REGISTER_FLIGHT && operation != Operation.NOTIFY) {
            return;
        }
        JsonNode body = json(response.body());
        if (operation == Operation.REGISTER_FLIGHT) {
            flights.add(new Flight(body.path("flightId").asText(), body.path("flightNumber").asText(),
                    body.path("departureDate").asText()));
        } else {
            alertsIssued.addAndGet(body.path("alertsIssued").asLong());
        }
    }

    /** Alerts the soak's cancellations issued: each must end as one text in the outbox. */
    long alertsIssued() {
        return alertsIssued.get();
    }

    int flights() {
        return flights.size();
    }

    private String passenger() {
        return """
                {"firstName": "Soak", "lastName": "Passenger", "email": "soak@example.com", "phone": "%s%07d"}"""
                .formatted(PHONE_PREFIX, phoneCounter.incrementAndGet());
    }

    private HttpRequest get(String path) {
        return base(path).GET().build();
    }

    private HttpRequest.Builder post(String path, String json) {
        return base(path).header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder base(String path) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(REQUEST_TIMEOUT).header("x-api-key", apiKey);
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + body, e);
        }
    }
}
