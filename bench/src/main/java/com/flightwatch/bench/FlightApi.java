package com.flightwatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The Flightwatch API as the fan-out benchmark uses it: register a flight of many passengers, cancel it. */
final class FlightApi {

    /** What POST /flights and POST /flights/{id}/passengers take in one request. */
    private static final int PASSENGERS_PER_REQUEST = 500;
    private static final String DATE = "2027-02-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String gateway;
    private final String apiKey;

    FlightApi(HttpClient http, String gateway, String apiKey) {
        this.http = http;
        this.gateway = gateway;
        this.apiKey = apiKey;
    }

    /** Phones are {@code phonePrefix} followed by the passenger's number on four digits. */
    void registerFlight(String flightNumber, String phonePrefix, int passengers) throws Exception {
        int first = Math.min(passengers, PASSENGERS_PER_REQUEST);
        HttpResponse<String> created = post("/flights", """
                {"flightNumber": "%s", "departureDate": "%s", "origin": "LHR", "destination": "JFK",
                 "scheduledDeparture": "%sT11:20:00Z", "passengers": %s}"""
                .formatted(flightNumber, DATE, DATE, passengers(phonePrefix, 0, first)), 201);
        String flightId = JSON.readTree(created.body()).path("flightId").asText();
        for (int from = first; from < passengers; from += PASSENGERS_PER_REQUEST) {
            post("/flights/" + flightId + "/passengers", "{\"passengers\": "
                    + passengers(phonePrefix, from, Math.min(passengers, from + PASSENGERS_PER_REQUEST)) + "}", 201);
        }
    }

    HttpResponse<String> cancel(String flightNumber) throws Exception {
        return send("/notifications", """
                {"flightNumber": "%s", "departureDate": "%s", "type": "CANCELLED", "reason": "Fan-out benchmark"}"""
                .formatted(flightNumber, DATE));
    }

    private static String passengers(String phonePrefix, int from, int to) {
        List<String> passengers = new ArrayList<>();
        for (int i = from; i < to; i++) {
            passengers.add("""
                    {"firstName": "Pax%d", "lastName": "Bench", "email": "pax%d@example.com", "phone": "%s%04d"}"""
                    .formatted(i, i, phonePrefix, i));
        }
        return "[" + String.join(",", passengers) + "]";
    }

    private HttpResponse<String> post(String path, String json, int expected) throws Exception {
        HttpResponse<String> response = send(path, json);
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private HttpResponse<String> send(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(120))
                .header("x-api-key", apiKey).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
