package com.flightwatch.e2e;

import static com.flightwatch.e2e.RunningPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import com.flightwatch.common.domain.Alert;
import com.flightwatch.common.domain.AlertStatus;
import com.flightwatch.common.domain.Ids;
import com.flightwatch.common.domain.Notification;
import com.flightwatch.common.domain.NotificationType;
import com.flightwatch.common.repository.JdbcNotificationRepository;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The whole path of DESIGN.md, for real: HTTP → gateway → FlightsHandler/AlertsHandler → MariaDB →
 * SNS topic → SmsHandler → SMS outbox → alert SENT. The stack is the one {@code cdk synth} wrote.
 */
class FlightwatchOnPlatformIT {

    private static final Duration DELIVERY_DEADLINE = Duration.ofSeconds(30);
    private static final List<String> PHONES = List.of("+14155550101", "+14155550102", "+442071838750");

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start("e2e");
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void cancellation_ofFlightWithThreePassengers_textsEachOnceAndMarksAlertsSent() throws Exception {
        cancellationScenario(platform);
    }

    /** The main scenario, shared with {@link ProcessIsolationIT}, which runs it with a JVM per function instance. */
    static void cancellationScenario(RunningPlatform platform) throws Exception {
        HttpResponse<String> created = platform.post("/flights", flight("UA123", "2026-12-24", PHONES));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String flightId = json(created).path("flightId").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/flights/" + flightId);

        HttpResponse<String> fetched = platform.get("/flights/" + flightId);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(json(fetched).path("passengers")).hasSize(3);

        String cancellation = """
                {"flightNumber": "UA123", "departureDate": "2026-12-24", "type": "CANCELLED", "reason": "Weather at JFK"}
                """;
        HttpResponse<String> notified = platform.send(platform.api("/notifications")
                .header("Idempotency-Key", "ua123-cancel-1").POST(HttpRequest.BodyPublishers.ofString(cancellation)).build());
        assertThat(notified.statusCode()).as(notified.body()).isEqualTo(202);
        assertThat(json(notified).path("alertsIssued").asInt()).isEqualTo(3);

        JsonNode alerts = eventually(() -> json(platform.get("/alerts?flightNumber=UA123&departureDate=2026-12-24")),
                page -> page.path("alerts").size() == 3 && allSent(page.path("alerts")));
        for (JsonNode alert : alerts.path("alerts")) {
            assertThat(alert.path("sentAt").asText()).isNotBlank();
            assertThat(alert.path("phone").asText()).contains("*").doesNotContain("5550101");
        }
        for (String phone : PHONES) {
            JsonNode sms = eventually(() -> platform.smsTo(phone), list -> list.size() == 1);
            assertThat(sms.get(0).path("message").asText()).contains("UA123").contains("CANCELLED").contains("Weather at JFK");
        }

        HttpResponse<String> repeated = platform.send(platform.api("/notifications")
                .header("Idempotency-Key", "ua123-cancel-1").POST(HttpRequest.BodyPublishers.ofString(cancellation)).build());
        assertThat(repeated.statusCode()).isEqualTo(202);
        assertThat(json(repeated).path("notificationId")).isEqualTo(json(notified).path("notificationId"));
        Thread.sleep(2_000); // long enough for a wrongly issued alert to reach the outbox: deliveries take milliseconds
        for (String phone : PHONES) {
            assertThat(platform.smsTo(phone)).as("SMS to %s after the repeat", phone).hasSize(1);
        }
        assertThat(json(platform.get("/alerts?flightNumber=UA123&departureDate=2026-12-24")).path("alerts")).hasSize(3);
    }

    @Test
    void smsHandler_sameAlertPublishedAgain_textsNoOneTwice() throws Exception {
        String phone = "+14155550199";
        assertThat(platform.post("/flights", flight("AA10", "2026-12-26", List.of(phone))).statusCode()).isEqualTo(201);
        assertThat(platform.post("/notifications", """
                {"flightNumber": "AA10", "departureDate": "2026-12-26", "type": "DELAYED", "reason": "Crew rest",
                 "newDeparture": "2026-12-26T11:00:00Z"}""").statusCode()).isEqualTo(202);
        JsonNode alert = eventually(() -> json(platform.get("/alerts?flightNumber=AA10&departureDate=2026-12-26")),
                page -> page.path("alerts").size() == 1 && allSent(page.path("alerts"))).path("alerts").get(0);

        // SNS delivers at least once: the same message may come again, and must not text again.
        String topicArn = platform.platform().stack().topics().get(0).arn();
        try (SnsClient sns = platform.snsClient()) {
            sns.publish(b -> b.topicArn(topicArn).message("{\"alertId\": \"" + alert.path("alertId").asText() + "\"}"));
        }
        eventually(() -> RunningPlatform.JSON.valueToTree(platform.platform().sns().pendingDeliveries()),
                pending -> pending.asInt() == 0);

        JsonNode texts = platform.smsTo(phone);
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0).path("message").asText()).contains("AA10").contains("DELAYED");
    }

    @Test
    void cancellation_ofFlightWithManyPassengers_textsEveryoneExactlyOnce() throws Exception {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            phones.add("+1650555%04d".formatted(i));
        }
        assertThat(platform.post("/flights", flight("LH400", "2026-12-27", phones)).statusCode()).isEqualTo(201);

        HttpResponse<String> notified = platform.post("/notifications", """
                {"flightNumber": "LH400", "departureDate": "2026-12-27", "type": "CANCELLED", "reason": "Strike"}""");

        assertThat(json(notified).path("alertsIssued").asInt()).isEqualTo(25);
        JsonNode alerts = eventually(
                () -> json(platform.get("/alerts?flightNumber=LH400&departureDate=2026-12-27&status=SENT&limit=100")),
                page -> page.path("alerts").size() == 25);
        assertThat(alerts.path("nextCursor").isNull()).isTrue();
        for (String phone : phones) {
            assertThat(platform.smsTo(phone)).as("SMS to %s", phone).hasSize(1);
        }
    }

    @Test
    void sweeper_alertLeftQueuedByACrashBeforePublish_isTextedOnItsNextRun() throws Exception {
        String phone = "+14155550177";
        HttpResponse<String> created = platform.post("/flights", flight("FR1", "2026-12-29", List.of(phone)));
        JsonNode flight = json(created);
        // What a crash between AlertsHandler's commit and its publish leaves: the alert stored QUEUED, never published.
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS);
        LocalDate date = LocalDate.parse("2026-12-29");
        Notification notification = new Notification(Ids.newId(), flight.path("flightId").asText(), "FR1", date,
                NotificationType.CANCELLED, "Fog", null, null, longAgo);
        Alert alert = new Alert(Ids.newId(), notification.notificationId(), "FR1", date, NotificationType.CANCELLED,
                flight.path("passengers").get(0).path("passengerId").asText(), "Pat0 Doe", phone,
                "Flightwatch: FR1 on 29 Dec is CANCELLED: Fog. Reply HELP for help.", AlertStatus.QUEUED, longAgo, null, null);
        try (HikariDataSource appData = platform.appDataSource()) {
            new JdbcNotificationRepository(appData).createWithAlerts(notification, List.of(alert), null);
        }
        assertThat(platform.smsTo(phone)).isEmpty();

        String sweeper = platform.platform().stack().schedules().get(0).logicalId();
        assertThat(platform.platform().scheduler().fireNow(sweeper)).allMatch(result -> result.succeeded());

        JsonNode texts = eventually(() -> platform.smsTo(phone), list -> list.size() == 1);
        assertThat(texts.get(0).path("message").asText()).contains("FR1").contains("Fog");
        eventually(() -> json(platform.get("/alerts?notificationId=" + notification.notificationId())),
                page -> page.path("alerts").size() == 1 && allSent(page.path("alerts")));
    }

    @Test
    void request_withoutOrWithWrongApiKey_isForbidden() {
        HttpResponse<String> missing = platform.send(HttpRequest.newBuilder(
                java.net.URI.create(platform.gatewayUrl() + "/flights/1")).GET().build());
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(json(missing).path("message").asText()).isEqualTo("Forbidden");

        HttpResponse<String> wrong = platform.send(platform.api("/flights/1").header("x-api-key", "not-a-key")
                .GET().build());
        assertThat(wrong.statusCode()).isEqualTo(403);
    }

    @Test
    void requests_overTheStacksUsagePlanBurst_get429TooManyRequests() {
        // A key of its own in the stack's plan (50 req/s, burst 100), so the other tests' key keeps its tokens.
        HttpResponse<String> created = platform.send(HttpRequest.newBuilder(
                        java.net.URI.create(platform.platform().controlUrl() + "/_platform/keys"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"burst-test\"}")).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String key = json(created).path("value").asText();
        // An invalid body is refused by the validator after the throttle, without invoking the function: fast.
        HttpRequest invalid = HttpRequest.newBuilder(java.net.URI.create(platform.gatewayUrl() + "/flights"))
                .header("x-api-key", key).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();

        long start = System.nanoTime();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            statuses.add(platform.send(invalid).statusCode());
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        long served = statuses.stream().filter(status -> status == 400).count();
        assertThat(statuses).contains(429).containsOnly(400, 429);
        assertThat(served).isBetween(100L, 100L + (long) Math.ceil(50 * seconds) + 1);
    }

    @Test
    void createFlight_withBadPhoneNumber_is400NamingPhone() {
        HttpResponse<String> response = platform.post("/flights", flight("UA124", "2026-12-24", List.of("555")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("phone");
    }

    @Test
    void createFlight_twice_isConflict() {
        assertThat(platform.post("/flights", flight("DL9", "2026-12-25", List.of())).statusCode()).isEqualTo(201);

        HttpResponse<String> again = platform.post("/flights", flight("DL9", "2026-12-25", List.of()));

        assertThat(again.statusCode()).isEqualTo(409);
    }

    private static String flight(String number, String date, List<String> phones) {
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

    private static boolean allSent(JsonNode alerts) {
        for (JsonNode alert : alerts) {
            if (!"SENT".equals(alert.path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    /** Polls until {@code done} holds, failing with the last value seen after the deadline. */
    private static JsonNode eventually(Supplier<JsonNode> probe, java.util.function.Predicate<JsonNode> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_DEADLINE.toNanos();
        JsonNode last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not reached within " + DELIVERY_DEADLINE + "; last seen: " + last);
            }
            Thread.sleep(100);
            last = probe.get();
        }
        return last;
    }
}
