package com.flightwatch.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** HTTP to a running platform's gateway (with the stack's API key) and control plane, for {@link DatabaseOutageIT}. */
final class OutageClient {

    /** Longer than any answer may take: the integration timeout (29 s) and a little. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(35);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Platform platform;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    OutageClient(Platform platform) {
        this.platform = platform;
    }

    HttpResponse<String> get(String path) {
        return send(api(path).GET().build());
    }

    HttpResponse<String> post(String path, String json) {
        return send(api(path).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** {@code POST} on the control plane, e.g. an SNS Query API action or a schedule's run. */
    HttpResponse<String> control(String pathAndQuery, String formBody) {
        return send(HttpRequest.newBuilder(URI.create(platform.controlUrl() + pathAndQuery)).timeout(REQUEST_TIMEOUT)
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)).build());
    }

    HttpResponse<String> controlGet(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(platform.controlUrl() + pathAndQuery)).timeout(REQUEST_TIMEOUT)
                .GET().build());
    }

    /** The texts the local carrier received for {@code phoneNumber}. */
    int smsCount(String phoneNumber) {
        HttpResponse<String> answer = controlGet("/_platform/sms?phoneNumber=" + phoneNumber.replace("+", "%2B"));
        return answer.statusCode() == 200 ? json(answer).size() : -1;
    }

    static String flight(String number, String date, List<String> phones) {
        List<String> passengers = new ArrayList<>();
        for (int i = 0; i < phones.size(); i++) {
            passengers.add("""
                    {"firstName": "Pat%d", "lastName": "Doe", "email": "pat%d@example.com", "phone": "%s"}"""
                    .formatted(i, i, phones.get(i)));
        }
        return """
                {"flightNumber": "%s", "departureDate": "%s", "origin": "JFK", "destination": "SFO",
                 "scheduledDeparture": "%sT08:30:00Z", "passengers": [%s]}"""
                .formatted(number, date, date, String.join(",", passengers));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    private HttpRequest.Builder api(String path) {
        Platform.RunningApi api = platform.apis().get(0);
        return HttpRequest.newBuilder(URI.create(api.url() + path)).timeout(REQUEST_TIMEOUT)
                .header("x-api-key", api.keys().get(0).value())
                .header("content-type", "application/json");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
