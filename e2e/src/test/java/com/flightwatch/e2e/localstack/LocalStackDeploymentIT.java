package com.flightwatch.e2e.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Issue 2's end-to-end scenario on the synthesized stack deployed into LocalStack, with a MySQL
 * container as its database: what a user would see on AWS, short of RDS, the VPC and the alarms.
 * Needs Docker (LocalStack runs each function in a container); skipped where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackDeploymentIT {

    private static final Path CDK_OUT = Path.of("..", "infra-cdk", "cdk.out");
    /** Cold Java functions in fresh containers, three of them in a row on the SMS path: minutes, not seconds. */
    private static final Duration DELIVERY_DEADLINE = Duration.ofMinutes(3);
    private static final List<String> PHONES = List.of("+14155550101", "+14155550102", "+442071838750");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalStackContainers containers;
    private static LocalStackClients aws;
    private static DeployedStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void deploy() {
        if (!Files.isDirectory(CDK_OUT)) {
            throw new IllegalStateException(CDK_OUT.toAbsolutePath() + " is missing: build infra-cdk first "
                    + "(mvn -DskipTests package runs cdk synth)");
        }
        containers = new LocalStackContainers().start();
        aws = LocalStackClients.on(containers);
        stack = new LocalStackDeployment(containers, aws).deploy(CDK_OUT);
    }

    @AfterAll
    static void tearDown() {
        if (aws != null) {
            aws.close();
        }
        if (containers != null) {
            containers.close();
        }
    }

    @Test
    void cancellation_ofFlightWithThreePassengers_textsEachPassengerAndMarksAlertsSent() throws InterruptedException {
        HttpResponse<String> created = send(api("/flights").POST(body(flightWithPassengers("UA123", "2026-12-24"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        HttpResponse<String> notified = send(api("/notifications").header("Idempotency-Key", "ua123-cancel-1").POST(body("""
                {"flightNumber": "UA123", "departureDate": "2026-12-24", "type": "CANCELLED", "reason": "Weather at JFK"}""")));
        assertThat(notified.statusCode()).as(notified.body()).isEqualTo(202);
        assertThat(json(notified).path("alertsIssued").asInt()).isEqualTo(3);

        JsonNode texts = eventually(this::smsMessages, sms -> PHONES.stream().allMatch(phone -> sms.path(phone).size() >= 1));
        for (String phone : PHONES) {
            assertThat(texts.path(phone)).as("texts to %s", phone).hasSize(1);
            assertThat(texts.path(phone).get(0).path("Message").asText()).contains("UA123").contains("CANCELLED");
        }
        JsonNode alerts = eventually(() -> json(send(api("/alerts?flightNumber=UA123&departureDate=2026-12-24").GET())),
                page -> page.path("alerts").size() == 3 && allSent(page.path("alerts")));
        assertThat(alerts.path("alerts")).allSatisfy(alert -> assertThat(alert.path("sentAt").asText()).isNotBlank());
    }

    @Test
    void request_withoutApiKey_isForbidden() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(stack.invokeUrl() + "/flights"))
                .header("content-type", "application/json").POST(body(flightWithPassengers("UA124", "2026-12-24"))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create(stack.invokeUrl() + path))
                .timeout(Duration.ofMinutes(2)) // the first request to each function waits for its cold start
                .header("x-api-key", stack.apiKey())
                .header("content-type", "application/json");
    }

    /** LocalStack's record of every SMS sent through SNS, by phone number: {@code {"+1…": [{"Message": …}]}}. */
    private JsonNode smsMessages() {
        URI store = URI.create(containers.endpoint() + "/_aws/sns/sms-messages?region=" + containers.region());
        return json(send(HttpRequest.newBuilder(store).GET())).path("sms_messages");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private static String flightWithPassengers(String number, String date) {
        return """
                {"flightNumber": "%s", "departureDate": "%s", "origin": "JFK", "destination": "SFO",
                 "scheduledDeparture": "%sT08:30:00Z", "passengers": [
                   {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com", "phone": "%s"},
                   {"firstName": "Alan", "lastName": "Turing", "email": "alan@example.com", "phone": "%s"},
                   {"firstName": "Grace", "lastName": "Hopper", "email": "grace@example.com", "phone": "%s"}]}"""
                .formatted(number, date, date, PHONES.get(0), PHONES.get(1), PHONES.get(2));
    }

    private static boolean allSent(JsonNode alerts) {
        for (JsonNode alert : alerts) {
            if (!"SENT".equals(alert.path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    /** Polls until {@code done} holds, failing with the last value seen after the deadline. */
    private static JsonNode eventually(Supplier<JsonNode> probe, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_DEADLINE.toNanos();
        JsonNode last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not reached within " + DELIVERY_DEADLINE + "; last seen: " + last);
            }
            Thread.sleep(500);
            last = probe.get();
        }
        return last;
    }
}
