package com.flightwatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.flightwatch.platform.PlatformLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * One crash: a platform in its own JVM, a flight of {@value #PASSENGERS} passengers, a cancellation,
 * SIGKILL once a random share of the texts is out, a restart on the same data, and the count of what
 * was lost or doubled once every alert is SENT again.
 */
final class CrashScenario {

    static final int PASSENGERS = 2_000;
    /** The SMS function reserves no concurrency in the stack, so the platform's default applies. */
    static final int SMS_CONCURRENCY_LIMIT = PlatformLimits.DEFAULT_MAX_CONCURRENCY;
    /** What the API takes in one request. */
    private static final int PASSENGERS_PER_REQUEST = 500;
    private static final Duration DEADLINE = Duration.ofSeconds(180);
    /** Longer than the sweeper's grace period (2 min) and the SMS function's claim lease (16 min). */
    private static final int FAST_FORWARD_MINUTES = 20;

    private final int run;
    private final Path dataDir;
    private final Path log;
    private final String flightNumber;
    private final String phonePrefix;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    CrashScenario(int run, Path dataDir, Path log) {
        this.run = run;
        this.dataDir = dataDir;
        this.log = log;
        this.flightNumber = "CR" + (100 + run);
        this.phonePrefix = "+1650%03d".formatted(run % 1000);
    }

    CrashRun crashAndRecover(Random random) throws Exception {
        int killAt = PASSENGERS / 10 + random.nextInt(PASSENGERS * 7 / 10);
        ChildPlatform first = ChildPlatform.start(dataDir, log);
        int killPoint;
        boolean postAnswered;
        List<String> survivors;
        Instant killedAt;
        try (PlatformDataProbe probe = new PlatformDataProbe(first.databasePort)) {
            registerFlight(first);
            CompletableFuture<HttpResponse<String>> post = http.sendAsync(api(first, "/notifications").POST(
                    HttpRequest.BodyPublishers.ofString("""
                            {"flightNumber": "%s", "departureDate": "2027-01-15", "type": "CANCELLED", "reason": "Crash test"}"""
                            .formatted(flightNumber))).build(), HttpResponse.BodyHandlers.ofString());
            await("%d SMS in the outbox before the kill".formatted(killAt), first,
                    () -> unchecked(() -> probe.outboxCount(phonePrefix) >= killAt));
            killPoint = probe.outboxCount(phonePrefix);
            postAnswered = post.isDone() && !post.isCompletedExceptionally();
            killedAt = Instant.now();
            survivors = first.kill(Duration.ofSeconds(10)).stream()
                    .map(handle -> handle.pid() + " " + handle.info().command().orElse("?")).toList();
        } catch (Exception | Error e) {
            first.close(); // a failed run leaves no platform behind
            throw e;
        }
        long restartStart = System.nanoTime();
        try (ChildPlatform second = ChildPlatform.start(dataDir, log);
             PlatformDataProbe probe = new PlatformDataProbe(second.databasePort)) {
            String notificationId = probe.notificationId(flightNumber);
            int heldClaims = probe.heldClaims(notificationId, killedAt);
            int claimingInvocations = probe.claimingInvocations(notificationId, killedAt);
            await("the restarted platform to finish the deliveries it resumed", second,
                    () -> unchecked(() -> probe.pendingDeliveries() == 0));
            int stillQueued = probe.alertStatuses(notificationId).getOrDefault("QUEUED", 0);
            if (stillQueued > 0) {
                // Their publish died with the platform, or their SMS claim did: the sweeper takes them once its
                // grace period and the claims' lease have passed. Back-dating them stands in for that wait.
                probe.backdateUnfinished(notificationId, FAST_FORWARD_MINUTES);
                runSweeper(second);
            }
            await("every alert SENT", second, () -> unchecked(() ->
                    probe.alertStatuses(notificationId).getOrDefault("SENT", 0) == PASSENGERS));
            long recoveryMillis = (System.nanoTime() - restartStart) / 1_000_000;
            Map<String, Integer> texts = probe.textsPerPhone(phonePrefix);
            int doubled = texts.values().stream().mapToInt(count -> count - 1).sum();
            int notSent = PASSENGERS - probe.alertStatuses(notificationId).getOrDefault("SENT", 0);
            return new CrashRun(run, PASSENGERS, killPoint, postAnswered, heldClaims, claimingInvocations, stillQueued,
                    PASSENGERS - texts.size(), doubled, notSent, second.startMillis, recoveryMillis, survivors);
        }
    }

    private void registerFlight(ChildPlatform platform) throws Exception {
        HttpResponse<String> created = send(api(platform, "/flights").POST(HttpRequest.BodyPublishers.ofString("""
                {"flightNumber": "%s", "departureDate": "2027-01-15", "origin": "JFK", "destination": "SFO",
                 "scheduledDeparture": "2027-01-15T08:30:00Z", "passengers": %s}"""
                .formatted(flightNumber, passengers(0)))), 201, platform);
        String flightId = RunningPlatform.json(created).path("flightId").asText();
        for (int first = PASSENGERS_PER_REQUEST; first < PASSENGERS; first += PASSENGERS_PER_REQUEST) {
            send(api(platform, "/flights/" + flightId + "/passengers").POST(HttpRequest.BodyPublishers.ofString(
                    "{\"passengers\": " + passengers(first) + "}")), 201, platform);
        }
    }

    private String passengers(int first) {
        List<String> passengers = new ArrayList<>();
        for (int i = first; i < first + PASSENGERS_PER_REQUEST; i++) {
            passengers.add("""
                    {"firstName": "Pax%d", "lastName": "Crash", "email": "pax%d@example.com", "phone": "%s%04d"}"""
                    .formatted(i, i, phonePrefix, i));
        }
        return "[" + String.join(",", passengers) + "]";
    }

    /** Fires the stack's sweeper schedule now, through the control plane, as `flightwatch schedules run` does. */
    private void runSweeper(ChildPlatform platform) throws Exception {
        JsonNode schedules = RunningPlatform.json(send(HttpRequest.newBuilder(
                URI.create(platform.controlUrl + "/_platform/schedules")).GET(), 200, platform));
        String name = null;
        for (JsonNode schedule : schedules) {
            if (schedule.path("targets").findValuesAsText("function").stream().anyMatch(f -> f.contains("Sweeper"))) {
                name = schedule.path("name").asText();
            }
        }
        if (name == null) {
            throw new AssertionError("The stack has no schedule targeting the sweeper function: " + schedules);
        }
        JsonNode fired = RunningPlatform.json(send(HttpRequest.newBuilder(URI.create(platform.controlUrl
                + "/_platform/schedules/" + name + "/run")).POST(HttpRequest.BodyPublishers.noBody()), 200, platform));
        if (fired.path("invocations").isEmpty() || !fired.path("invocations").findValuesAsText("status").stream()
                .allMatch("SUCCESS"::equals)) {
            throw new AssertionError("The sweeper failed: " + fired + "\n" + platform.log());
        }
    }

    private HttpRequest.Builder api(ChildPlatform platform, String path) {
        return HttpRequest.newBuilder(URI.create(platform.gatewayUrl + path)).timeout(Duration.ofSeconds(60))
                .header("x-api-key", platform.apiKey).header("content-type", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expected, ChildPlatform platform) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError(request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static void await(String what, ChildPlatform platform, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not reached within " + DEADLINE + ": " + what + "\n" + platform.log());
            }
            Thread.sleep(20);
        }
    }

    private interface SqlCheck {
        boolean check() throws Exception;
    }

    private static boolean unchecked(SqlCheck check) {
        try {
            return check.check();
        } catch (Exception e) {
            throw new IllegalStateException("Reading the platform's database failed: " + e.getMessage(), e);
        }
    }
}
