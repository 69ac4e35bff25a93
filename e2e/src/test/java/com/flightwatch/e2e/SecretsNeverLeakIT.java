package com.flightwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Flightwatch's scenario on a locked-down platform (signatures required, gateway on HTTPS): it
 * works end to end — the functions' SNS calls pass the control plane's check with credentials of
 * their own — and afterwards no API key, no secret and no full phone number is found in the
 * platform's log, its activation records (results and logs), or its /_platform answers; only the
 * SMS outbox, the local carrier, shows whole numbers.
 */
class SecretsNeverLeakIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final List<String> PHONES = List.of("+14155550111", "+14155550112", "+442071838751");

    private static SecurePlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = SecurePlatform.start("secrets-never-leak");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void scenario_onALockedDownPlatform_textsEveryoneAndLeaksNoSecretOrPhoneNumber() throws Exception {
        assertThat(platform.platform().apis().get(0).url()).startsWith("https://");
        runCancellation();

        Map<String, String> surfaces = new LinkedHashMap<>();
        surfaces.put("the platform's log", platform.logText());
        JsonNode listed = RunningPlatform.JSON.readTree(controlGet("/_platform/activations?limit=200"));
        assertThat(listed.size()).as("activations recorded").isGreaterThanOrEqualTo(5);
        for (JsonNode activation : listed) {
            String id = activation.path("activationId").asText();
            surfaces.put("activation " + id, controlGet("/_platform/activations/" + id)
                    + controlGet("/_platform/activations/" + id + "/logs"));
        }
        for (String path : List.of("/_platform/activations", "/_platform/topics", "/_platform/schedules",
                "/_platform/keys", "/_platform/console/functions", "/_platform/console/topics", "/_platform/console/api",
                "/metrics")) {
            surfaces.put(path, controlGet(path));
        }

        List<String> secrets = new ArrayList<>(List.of(platform.apiKey(), SecurePlatform.OPERATOR.secretAccessKey()));
        platform.platform().stack().functions().forEach(function -> platform.platform().invoker()
                .function(function.name()).map(spec -> spec.environment().get("AWS_SECRET_ACCESS_KEY"))
                .ifPresent(secrets::add));
        assertThat(secrets).hasSizeGreaterThan(2);
        surfaces.forEach((surface, text) -> {
            for (String secret : secrets) {
                assertThat(text).as("%s shows a secret or key", surface).doesNotContain(secret);
            }
            for (String phone : PHONES) {
                assertThat(text).as("%s shows a full phone number", surface).doesNotContain(phone)
                        .doesNotContain(phone.substring(1));
            }
        });
    }

    /** Register, cancel, and wait until every passenger got one SMS: through the guarded SNS API. */
    private static void runCancellation() throws Exception {
        HttpResponse<String> created = platform.send(platform.api("/flights")
                .POST(HttpRequest.BodyPublishers.ofString(flight())));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String flightId = RunningPlatform.json(created).path("flightId").asText();
        assertThat(platform.send(platform.api("/flights/" + flightId).GET()).statusCode()).isEqualTo(200);
        HttpResponse<String> notified = platform.send(platform.api("/notifications").header("Idempotency-Key", "leak-1")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"flightNumber": "LK100", "departureDate": "2026-12-24", "type": "CANCELLED", "reason": "Fog"}""")));
        assertThat(notified.statusCode()).as(notified.body()).isEqualTo(202);
        eventually(() -> readJson(controlGet("/_platform/sms")), texts -> texts.size() == PHONES.size());
        eventually(() -> RunningPlatform.json(platform.send(platform.api(
                "/alerts?flightNumber=LK100&departureDate=2026-12-24").GET())), page -> page.path("alerts").size() == 3);
    }

    private static String controlGet(String path) {
        HttpResponse<String> response = platform.send(platform.control(path).GET());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode readJson(String text) {
        try {
            return RunningPlatform.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String flight() {
        List<String> passengers = new ArrayList<>();
        for (int i = 0; i < PHONES.size(); i++) {
            passengers.add("""
                    {"firstName": "Lee%d", "lastName": "Kim", "email": "lee%d@example.com", "phone": "%s"}"""
                    .formatted(i, i, PHONES.get(i)));
        }
        return """
                {"flightNumber": "LK100", "departureDate": "2026-12-24", "origin": "JFK", "destination": "SFO",
                 "scheduledDeparture": "2026-12-24T08:30:00Z", "passengers": [%s]}""".formatted(String.join(",", passengers));
    }

    private static void eventually(Supplier<JsonNode> probe, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        JsonNode last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not reached within " + DEADLINE + "; last seen: " + last);
            }
            Thread.sleep(100);
            last = probe.get();
        }
    }
}
