package com.flightwatch.flights;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.flightwatch.common.domain.Flight;
import com.flightwatch.common.domain.Passenger;
import com.flightwatch.common.exceptions.DataAccessException;
import com.flightwatch.common.json.Json;
import com.flightwatch.common.repository.FlightRepository;
import com.flightwatch.common.testing.EventFixtures;
import com.flightwatch.common.testing.InMemoryFlightRepository;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlightsHandlerTest {

    private static final String UNKNOWN_ID = "01a20b5a-c93a-7000-8000-000000000001";
    private final InMemoryFlightRepository flights = new InMemoryFlightRepository();
    private final FlightsHandler handler = new FlightsHandler(flights,
            Clock.fixed(Instant.parse("2026-12-20T08:00:00Z"), ZoneOffset.UTC));

    @Test
    void postFlights_valid_is201WithLocationAndTheFlight() throws Exception {
        APIGatewayProxyResponseEvent response = handle(EventFixtures.apiGateway("post-flights.json"));

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode flight = json(response);
        String flightId = flight.path("flightId").asText();
        assertThat(response.getHeaders()).containsEntry("Location", "/flights/" + flightId)
                .containsEntry("Content-Type", "application/json");
        assertThat(flight.path("flightNumber").asText()).isEqualTo("UA123");
        assertThat(flight.path("departureDate").asText()).isEqualTo("2026-12-24");
        assertThat(flight.path("scheduledDeparture").asText()).isEqualTo("2026-12-24T20:30:00Z");
        assertThat(flight.path("passengerCount").asInt()).isEqualTo(3);
        assertThat(flight.path("passengers").findValuesAsText("passengerId")).hasSize(3).doesNotContain("");
        assertThat(flight.path("passengers").get(2).path("lastName").asText()).isEqualTo("Ångström");
        assertThat(flights.findById(flightId)).isPresent();
    }

    @Test
    void postFlights_sameNumberAndDateTwice_is409() throws Exception {
        handle(EventFixtures.apiGateway("post-flights.json"));

        APIGatewayProxyResponseEvent response = handle(EventFixtures.apiGateway("post-flights.json"));

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(json(response).path("message").asText()).isEqualTo("Flight UA123 on 2026-12-24 is already registered");
        assertThat(flights.flightCount()).isEqualTo(1);
    }

    @Test
    void postFlights_withoutPassengers_is201WithNone() throws Exception {
        APIGatewayProxyResponseEvent response = handle(withBody("post-flights.json", """
                {"flightNumber": "BA2490A", "departureDate": "2026-12-24", "origin": "LHR", "destination": "JFK",
                 "scheduledDeparture": "2026-12-24T11:00:00Z"}"""));

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(json(response).path("passengerCount").asInt()).isZero();
    }

    @Test
    void postFlights_manyBadFields_is400NamingEveryOne() throws Exception {
        APIGatewayProxyResponseEvent response = handle(withBody("post-flights.json", """
                {"flightNumber": "ua123", "departureDate": "2026-02-30", "origin": "JFK", "destination": "JFK",
                 "scheduledDeparture": "2026-12-24T11:00:00",
                 "passengers": [
                   {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com", "phone": "+14155550100"},
                   {"firstName": "", "lastName": "Hopper", "email": "grace", "phone": "+14155550101"},
                   {"firstName": "Zoë", "lastName": "Ångström", "email": "zoe@example.se", "phone": "0701234567"}]}"""));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("errors").findValuesAsText("field")).containsExactly("flightNumber",
                "departureDate", "destination", "scheduledDeparture", "passengers[1].firstName", "passengers[1].email",
                "passengers[2].phone");
        assertThat(flights.flightCount()).isZero();
    }

    @Test
    void postFlights_missingRequiredFields_is400() throws Exception {
        APIGatewayProxyResponseEvent response = handle(withBody("post-flights.json", "{\"flightNumber\": \"UA1\"}"));

        assertThat(json(response).path("errors").findValuesAsText("field"))
                .containsExactly("departureDate", "origin", "destination", "scheduledDeparture");
    }

    @Test
    void postFlights_tooManyPassengers_is400OnPassengers() throws Exception {
        String passenger = "{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"a@b.co\",\"phone\":\"+14155550100\"}";
        String body = "{\"flightNumber\":\"UA1\",\"departureDate\":\"2026-12-24\",\"origin\":\"JFK\",\"destination\":\"SFO\","
                + "\"scheduledDeparture\":\"2026-12-24T11:00:00Z\",\"passengers\":["
                + String.join(",", java.util.Collections.nCopies(501, passenger)) + "]}";

        APIGatewayProxyResponseEvent response = handle(withBody("post-flights.json", body));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("errors").get(0).path("field").asText()).isEqualTo("passengers");
    }

    @Test
    void postFlights_unknownProperty_is400NamingIt() throws Exception {
        APIGatewayProxyResponseEvent response = handle(withBody("post-flights.json", """
                {"flightNumber": "UA1", "departureDate": "2026-12-24", "origin": "JFK", "destination": "SFO",
                 "scheduledDeparture": "2026-12-24T11:00:00Z", "passengers": [{"firstName": "A", "seat": "1A"}]}"""));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("errors").get(0).path("field").asText()).isEqualTo("passengers[0].seat");
    }

    @Test
    void postFlights_phoneAsNumber_is400NamingTheField() throws Exception {
        APIGatewayProxyResponseEvent response = handle(withBody("post-flights.json", """
                {"flightNumber": "UA1", "passengers": [{"phone": 14155550100}]}"""));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("errors").get(0).path("field").asText()).isEqualTo("passengers[0].phone");
    }

    @Test
    void postFlights_malformedJson_is400NamingBody() throws Exception {
        APIGatewayProxyResponseEvent response = handle(withBody("post-flights.json", "{\"flightNumber\": "));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("errors").get(0).path("field").asText()).isEqualTo("body");
    }

    @Test
    void postFlights_noBody_is400() {
        assertThat(handle(withBody("post-flights.json", null)).getStatusCode()).isEqualTo(400);
    }

    @Test
    void getFlight_registered_is200WithItsPassengers() throws Exception {
        String flightId = json(handle(EventFixtures.apiGateway("post-flights.json"))).path("flightId").asText();

        APIGatewayProxyResponseEvent response = handle(withFlightId("get-flight.json", flightId));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode flight = json(response);
        assertThat(flight.path("flightId").asText()).isEqualTo(flightId);
        assertThat(flight.path("passengers").findValuesAsText("phone"))
                .containsExactly("+14155550100", "+14155550101", "+46701234567");
    }

    @Test
    void getFlight_unknown_is404() throws Exception {
        APIGatewayProxyResponseEvent response = handle(EventFixtures.apiGateway("get-flight.json"));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(json(response).path("message").asText()).isEqualTo("Flight " + UNKNOWN_ID + " not found");
    }

    @Test
    void getFlight_malformedId_is400NamingFlightId() throws Exception {
        APIGatewayProxyResponseEvent response = handle(withFlightId("get-flight.json", "../../etc/passwd"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("errors").get(0).path("field").asText()).isEqualTo("flightId");
    }

    @Test
    void postPassengers_registeredFlight_is201WithAllPassengers() throws Exception {
        String flightId = json(handle(EventFixtures.apiGateway("post-flights.json"))).path("flightId").asText();

        APIGatewayProxyResponseEvent response = handle(withFlightId("post-passengers.json", flightId));

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("Location", "/flights/" + flightId);
        JsonNode flight = json(response);
        assertThat(flight.path("passengerCount").asInt()).isEqualTo(4);
        assertThat(flight.path("passengers").get(3).path("lastName").asText()).isEqualTo("Turing");
        assertThat(flights.passengers(flightId)).hasSize(4);
    }

    @Test
    void postPassengers_unknownFlight_is404() {
        assertThat(handle(EventFixtures.apiGateway("post-passengers.json")).getStatusCode()).isEqualTo(404);
    }

    @Test
    void postPassengers_emptyList_is400() throws Exception {
        String flightId = json(handle(EventFixtures.apiGateway("post-flights.json"))).path("flightId").asText();
        APIGatewayProxyRequestEvent event = withFlightId("post-passengers.json", flightId).withBody("{\"passengers\": []}");

        APIGatewayProxyResponseEvent response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("errors").get(0).path("field").asText()).isEqualTo("passengers");
    }

    @Test
    void handleRequest_unknownRoute_is404() {
        APIGatewayProxyRequestEvent event = EventFixtures.apiGateway("get-flight.json").withHttpMethod("DELETE");

        assertThat(handle(event).getStatusCode()).isEqualTo(404);
    }

    @Test
    void handleRequest_databaseDown_is500WithoutDetails() throws Exception {
        FlightsHandler broken = new FlightsHandler(new UnreachableFlightRepository(), Clock.systemUTC());

        APIGatewayProxyResponseEvent response = broken.handleRequest(EventFixtures.apiGateway("post-flights.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(json(response).path("message").asText()).isEqualTo("Internal server error");
        assertThat(response.getBody()).doesNotContain("10.0.0.12");
    }

    private APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        return handler.handleRequest(event, null);
    }

    private static APIGatewayProxyRequestEvent withBody(String fixture, String body) {
        return EventFixtures.apiGateway(fixture).withBody(body);
    }

    private static APIGatewayProxyRequestEvent withFlightId(String fixture, String flightId) {
        return EventFixtures.apiGateway(fixture).withPathParameters(Map.of("flightId", flightId));
    }

    private static JsonNode json(APIGatewayProxyResponseEvent response) throws Exception {
        return Json.mapper().readTree(response.getBody());
    }

    /** A database that cannot be reached: every call fails as the JDBC repository would. */
    private static final class UnreachableFlightRepository implements FlightRepository {

        private static DataAccessException down() {
            return new DataAccessException("create flight", new SQLException("Communications link failure to 10.0.0.12"));
        }

        @Override
        public void create(Flight flight, List<Passenger> passengers) {
            throw down();
        }

        @Override
        public Optional<Flight> findById(String flightId) {
            throw down();
        }

        @Override
        public Optional<Flight> findByNumberAndDate(String flightNumber, LocalDate departureDate) {
            throw down();
        }

        @Override
        public List<Passenger> passengers(String flightId) {
            throw down();
        }

        @Override
        public void addPassengers(String flightId, List<Passenger> passengers) {
            throw down();
        }
    }
}
