package com.flightwatch.e2e.faults;

import static com.flightwatch.e2e.faults.OutageClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.Platform;
import com.flightwatch.platform.PlatformSettings;
import com.flightwatch.platform.lambda.Isolation;
import com.flightwatch.platform.store.EmbeddedMariaDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The database stopped and started again under traffic, with the platform in process isolation: the
 * platform runs on a MariaDB server the test owns (as {@code flightwatch up --db-url} does), so the
 * test can stop it with its own clean stop and start it again on the same data directory and port.
 * During the outage every request ends within the integration timeout in a 5xx with a JSON body —
 * 503 with {@code Retry-After} from a warm function whose pool cannot reach the database, 502 from a
 * function that could not start; afterwards requests succeed by themselves, the SNS API, deliveries
 * and activation records resume, and every SMS of a notification posted just before the outage is
 * delivered, once.
 */
class DatabaseOutageIT {

    private static final int PASSENGERS = 10;
    private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(90);

    @Test
    void database_stoppedAndRestartedUnderTraffic_requestsFailCleanlyThenRecoverAndNoTextIsLost() throws Exception {
        Path serverDir = fresh(Path.of("target", "faults-outage-db").toAbsolutePath());
        EmbeddedMariaDb.Settings serverSettings = new EmbeddedMariaDb.Settings(PlatformSettings.defaultBinaryDir(),
                serverDir, 0);
        EmbeddedMariaDb server = EmbeddedMariaDb.start(serverSettings);
        EmbeddedMariaDb.Settings samePort = new EmbeddedMariaDb.Settings(serverSettings.baseDir(), serverDir, server.port());
        try (Platform platform = Platform.start(platformOn(server))) {
            OutageClient client = new OutageClient(platform);
            List<String> phones = new ArrayList<>();
            for (int i = 0; i < PASSENGERS; i++) {
                phones.add("+1628555%04d".formatted(i));
            }
            HttpResponse<String> created = client.post("/flights", OutageClient.flight("FW900", "2026-12-30", phones));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String flightId = json(created).path("flightId").asText();
            assertThat(client.get("/flights/" + flightId).statusCode()).isEqualTo(200);
            assertThat(client.get("/alerts?flightNumber=FW900&departureDate=2026-12-30").statusCode()).isEqualTo(200);

            HttpResponse<String> notified = client.post("/notifications", """
                    {"flightNumber": "FW900", "departureDate": "2026-12-30", "type": "CANCELLED", "reason": "Outage drill"}""");
            assertThat(notified.statusCode()).as(notified.body()).isEqualTo(202);
            assertThat(json(notified).path("alertsIssued").asInt()).isEqualTo(PASSENGERS);

            server.close();
            CompletableFuture<HttpResponse<String>> warmRead = CompletableFuture.supplyAsync(
                    () -> client.get("/flights/" + flightId));
            CompletableFuture<HttpResponse<String>> write = CompletableFuture.supplyAsync(
                    () -> client.post("/flights", OutageClient.flight("FW901", "2026-12-30", List.of("+16285559999"))));
            CompletableFuture<HttpResponse<String>> query = CompletableFuture.supplyAsync(
                    () -> client.get("/alerts?flightNumber=FW900&departureDate=2026-12-30"));
            CompletableFuture<HttpResponse<String>> snsDuringOutage = CompletableFuture.supplyAsync(
                    () -> client.control("/", "Action=ListTopics&Version=2010-03-31"));
            Map<String, HttpResponse<String>> duringOutage = Map.of("GET /flights/{id}", warmRead.join(),
                    "POST /flights", write.join(), "GET /alerts", query.join());

            server = EmbeddedMariaDb.start(samePort);
            long restartedAt = System.currentTimeMillis();

            duringOutage.forEach((request, answer) -> {
                assertThat(answer.statusCode()).as(request + " during the outage: " + answer.body()).isIn(502, 503);
                assertThat(json(answer).path("message").asText()).as(request).isNotBlank();
            });
            // The alerts function's one instance is warm, and this is its only request: its pool cannot reach the
            // database. The two flights requests race for that function's one warm instance; the other waits for it
            // (503 too) or, after the platform's patience, gets a new instance whose init cannot reach it (502).
            HttpResponse<String> warm = duringOutage.get("GET /alerts");
            assertThat(warm.statusCode()).as("a warm function whose pool cannot reach the database").isEqualTo(503);
            assertThat(warm.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(List.of(duringOutage.get("GET /flights/{id}").statusCode(),
                    duringOutage.get("POST /flights").statusCode())).as("the flights function's warm instance, then"
                    + " the same or a cold one").contains(503).allMatch(status -> status == 503 || status == 502);
            assertThat(snsDuringOutage.join().statusCode()).as("the SNS API answers, with an error or after the restart")
                    .isBetween(200, 599);

            awaitTrue("a read succeeds again by itself", () -> client.get("/flights/" + flightId).statusCode() == 200);
            HttpResponse<String> sweep = client.control("/_platform/schedules/"
                    + platform.stack().schedules().get(0).logicalId() + "/run", "");
            assertThat(sweep.statusCode()).as(sweep.body()).isEqualTo(200);
            awaitTrue("every passenger texted", () -> phones.stream().allMatch(phone -> client.smsCount(phone) >= 1));
            assertThat(phones).as("texted once each").allMatch(phone -> client.smsCount(phone) == 1);
            HttpResponse<String> snsAfter = client.control("/", "Action=ListTopics&Version=2010-03-31");
            assertThat(snsAfter.statusCode()).as(snsAfter.body()).isEqualTo(200);
            awaitTrue("activations recorded after the restart", () -> json(client.controlGet(
                    "/_platform/activations?since=" + restartedAt)).size() > 0);
            HttpResponse<String> newFlight = client.post("/flights",
                    OutageClient.flight("FW902", "2026-12-30", List.of("+16285559998")));
            assertThat(newFlight.statusCode()).as(newFlight.body()).isEqualTo(201);
        } finally {
            server.close();
        }
    }

    private static PlatformSettings platformOn(EmbeddedMariaDb server) {
        String serverUrl = "jdbc:mysql://127.0.0.1:" + server.port() + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true";
        return new PlatformSettings(Path.of("..", "infra-cdk", "cdk.out"), null, "us-east-1",
                PlatformSettings.DEFAULT_HOST, 0, 0, serverUrl, EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD, 0,
                fresh(Path.of("target", "faults-outage-platform").toAbsolutePath()), PlatformSettings.defaultBinaryDir(),
                Isolation.PROCESS);
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY_DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + RECOVERY_DEADLINE + ": " + what);
            }
            Thread.sleep(250);
        }
    }

    private static Path fresh(Path directory) {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return directory;
    }
}
