package com.flightwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.flightwatch.common.domain.Flight;
import com.flightwatch.common.domain.Ids;
import com.flightwatch.common.domain.Passenger;
import com.flightwatch.common.json.Json;
import com.flightwatch.common.testing.InMemoryAlertRepository;
import com.flightwatch.common.testing.InMemoryFlightRepository;
import com.flightwatch.common.testing.InMemoryNotificationRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

/** An AlertsHandler on in-memory repositories and a recording publisher, with helpers for its tests. */
final class AlertsHandlerFixture {

    static final Instant NOW = Instant.parse("2026-12-24T14:00:00Z");
    final InMemoryFlightRepository flights = new InMemoryFlightRepository();
    final InMemoryAlertRepository alerts = new InMemoryAlertRepository();
    final InMemoryNotificationRepository notifications = new InMemoryNotificationRepository(alerts);
    final RecordingPublisher publisher = new RecordingPublisher();
    final AlertsHandler handler = new AlertsHandler(flights, notifications, alerts, publisher,
            Clock.fixed(NOW, ZoneOffset.UTC));

    /** Registers the flight on 2026-12-24 with passengers whose phones are +1415555NNNN. */
    void registerFlight(String flightNumber, int passengerCount) {
        Flight flight = new Flight(Ids.newId(), flightNumber, LocalDate.of(2026, 12, 24), "JFK", "SFO",
                Instant.parse("2026-12-24T20:30:00Z"), NOW);
        List<Passenger> passengers = IntStream.range(0, passengerCount)
                .mapToObj(i -> new Passenger(Ids.newId(), flight.flightId(), "Ada" + i, "Lovelace", "ada@example.com",
                        String.format("+1415555%04d", i), NOW))
                .toList();
        flights.create(flight, passengers);
    }

    APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        return handler.handleRequest(event, null);
    }

    static JsonNode json(APIGatewayProxyResponseEvent response) throws Exception {
        return Json.mapper().readTree(response.getBody());
    }

    static List<String> fields(APIGatewayProxyResponseEvent response) throws Exception {
        assertThat(response.getStatusCode()).isBetween(400, 499);
        return json(response).path("errors").findValuesAsText("field");
    }
}
