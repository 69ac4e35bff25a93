package com.flightwatch.e2e.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** The flights a gateway fuzzing run starts from, the functions warmed up, and flight numbers no request repeats. */
final class FlightSeeds {

    private static final AtomicInteger FLIGHT_NUMBERS = new AtomicInteger();
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private FlightSeeds() {
    }

    /** A flight number of the contract's pattern that no other request of the run uses. */
    static String uniqueFlightNumber() {
        int n = FLIGHT_NUMBERS.incrementAndGet();
        return "" + LETTERS.charAt(n / 10_000 / 26 % 26) + LETTERS.charAt(n / 10_000 % 26) + (n % 10_000);
    }

    /** Registers a flight with {@code passengers} passengers; the first call pays the flights function's cold start. */
    static ObjectNode register(FuzzPlatform platform, int passengers) {
        StringBuilder people = new StringBuilder();
        for (int i = 0; i < passengers; i++) {
            people.append(i == 0 ? "" : ",").append("{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",")
                    .append("\"email\":\"ada@example.com\",\"phone\":\"+1415555")
                    .append(String.format(Locale.ROOT, "%04d", i)).append("\"}");
        }
        String body = "{\"flightNumber\":\"" + uniqueFlightNumber() + "\",\"departureDate\":\"2026-12-24\",\"origin\":\"JFK\","
                + "\"destination\":\"SFO\",\"scheduledDeparture\":\"2026-12-24T08:30:00Z\",\"passengers\":[" + people + "]}";
        HttpResponse<String> created = platform.send(platform.api("/flights").timeout(FuzzPlatform.WARM_UP_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return (ObjectNode) ApiAnswers.json(created.body());
    }

    /**
     * The properties' 5 s are for answers, not for a cold start: the alerts function starts here, and
     * its SNS client makes its first connection, with a cancellation of {@code flight}.
     */
    static void warmUpAlertsFunction(FuzzPlatform platform, ObjectNode flight) {
        HttpResponse<String> page = platform.send(platform.api("/alerts?notificationId=" + UUID.randomUUID())
                .timeout(FuzzPlatform.WARM_UP_TIMEOUT).GET().build());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String cancellation = "{\"flightNumber\":\"" + flight.path("flightNumber").asText() + "\",\"departureDate\":\""
                + flight.path("departureDate").asText() + "\",\"type\":\"CANCELLED\",\"reason\":\"Warm-up\"}";
        HttpResponse<String> accepted = platform.send(platform.api("/notifications").timeout(FuzzPlatform.WARM_UP_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(cancellation)).build());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    }
}
