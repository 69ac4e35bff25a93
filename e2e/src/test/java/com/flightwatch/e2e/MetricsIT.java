package com.flightwatch.e2e;

import static com.flightwatch.e2e.RunningPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.stack.FunctionSpec;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * {@code GET /metrics} after traffic whose every count is known: the gateway's requests by resource,
 * key and status, the activations they and the Lambda API caused (some failing), topic publishes and
 * an SMS. The platform is the one {@code flightwatch up} starts, with Flightwatch deployed.
 */
class MetricsIT {

    private static final String FLIGHT = """
            {"flightNumber": "MX101", "departureDate": "2026-12-24", "origin": "JFK", "destination": "SFO",
             "scheduledDeparture": "2026-12-24T08:30:00Z",
             "passengers": [{"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com", "phone": "%s"}]}""";

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start("metrics");
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void scrape_afterKnownTraffic_countersMatchItExactly() {
        String flights = functionWithHandler("FlightsHandler");
        String key = platform.platform().apis().get(0).keys().get(0).logicalId();
        String api = platform.platform().apis().get(0).spec().name();

        HttpResponse<String> created = platform.post("/flights", FLIGHT.formatted("+14155550101"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String flightPath = "/flights/" + json(created).path("flightId").asText();
        assertThat(platform.get(flightPath).statusCode()).isEqualTo(200);
        assertThat(platform.get(flightPath).statusCode()).isEqualTo(200);
        assertThat(platform.get("/flights/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(platform.post("/flights", FLIGHT.formatted("555")).statusCode()).as("validator").isEqualTo(400);
        assertThat(platform.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + flightPath)).GET().build())
                .statusCode()).as("no key").isEqualTo(403);
        assertThat(platform.get("/nowhere").statusCode()).as("no route").isEqualTo(403);

        for (int i = 0; i < 3; i++) {
            assertThat(invokeThroughLambdaApi(flights, "{\"httpMethod\": \"GET\", \"path\": \"/\"}")
                    .headers().firstValue("X-Amz-Function-Error")).isEmpty();
        }
        for (int i = 0; i < 2; i++) {
            assertThat(invokeThroughLambdaApi(flights, "[\"not\", \"an\", \"API Gateway event\"]")
                    .headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
        }

        try (SnsClient sns = platform.snsClient()) {
            String topic = sns.createTopic(request -> request.name("metrics-it")).topicArn();
            for (int i = 0; i < 3; i++) {
                sns.publish(request -> request.topicArn(topic).message("known traffic"));
            }
            sns.publish(request -> request.phoneNumber("+14155550199").message("one SMS"));
        }

        HttpResponse<String> scraped = platform.send(HttpRequest.newBuilder(
                URI.create(platform.platform().controlUrl() + "/metrics")).GET().build());
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
        PrometheusText metrics = PrometheusText.parse(scraped.body());

        String requests = "flightwatch_gateway_requests_total";
        assertThat(metrics.sum(requests, "api", api)).isEqualTo(7);
        assertThat(metrics.sum(requests, "method", "POST", "resource", "/flights", "key", key, "status", "201")).isEqualTo(1);
        assertThat(metrics.sum(requests, "method", "GET", "resource", "/flights/{flightId}", "key", key, "status", "200"))
                .isEqualTo(2);
        assertThat(metrics.sum(requests, "resource", "/flights/{flightId}", "key", key, "status", "404")).isEqualTo(1);
        assertThat(metrics.sum(requests, "resource", "/flights", "key", key, "status", "400")).isEqualTo(1);
        assertThat(metrics.sum(requests, "resource", "/flights/{flightId}", "key", "", "status", "403")).isEqualTo(1);
        assertThat(metrics.sum(requests, "resource", "", "method", "", "status", "403")).isEqualTo(1);
        assertThat(metrics.sum("flightwatch_gateway_latency_seconds_count", "resource", "/flights/{flightId}"))
                .isEqualTo(4);

        // The gateway invoked the function for 201, 200, 200 and 404; the validator and the key check answered alone.
        assertThat(metrics.sum("openwhisk_action_activations_total", "initiator", "gateway", "action", flights))
                .isEqualTo(4);
        assertThat(metrics.sum("openwhisk_action_status_total", "initiator", "gateway", "action", flights,
                "status", "success")).isEqualTo(4);
        assertThat(metrics.sum("openwhisk_action_duration_seconds_count", "initiator", "gateway", "action", flights))
                .isEqualTo(4);
        assertThat(metrics.sum("openwhisk_action_coldStarts_total", "action", flights)).isEqualTo(1);
        assertThat(metrics.sum("openwhisk_action_initTime_seconds_count", "action", flights)).isEqualTo(1);
        assertThat(metrics.sum("openwhisk_action_activations_total", "initiator", "lambda-api", "action", flights))
                .isEqualTo(5);
        assertThat(metrics.sum("openwhisk_action_status_total", "initiator", "lambda-api", "action", flights,
                "status", "success")).isEqualTo(3);
        assertThat(metrics.sum("openwhisk_action_status_total", "initiator", "lambda-api", "action", flights,
                "status", "application_error")).isEqualTo(2);
        assertThat(metrics.sum("openwhisk_action_limit_concurrent_total", "action", flights)).isZero();
        assertThat(metrics.sum("flightwatch_action_concurrent_executions", "action", flights)).isZero();
        assertThat(metrics.sum("flightwatch_action_instances", "action", flights)).isEqualTo(1);

        assertThat(metrics.sum("flightwatch_topic_published_total", "topic", "metrics-it")).isEqualTo(3);
        assertThat(metrics.sum("flightwatch_sms_sent_total")).isEqualTo(1);

        assertThat(metrics.type("openwhisk_action_duration_seconds")).isEqualTo("histogram");
        assertThat(metrics.type("openwhisk_action_activations_total")).isEqualTo("counter");
        assertThat(metrics.sum("hikaricp_connections_max", "pool", "platform-db")).isPositive();
        assertThat(metrics.count("jvm_memory_used_bytes")).isPositive();
    }

    private static HttpResponse<String> invokeThroughLambdaApi(String function, String payload) {
        return platform.send(HttpRequest.newBuilder(URI.create(platform.platform().controlUrl()
                        + "/2015-03-31/functions/" + function + "/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build());
    }

    private static String functionWithHandler(String handlerClass) {
        return platform.platform().stack().functions().stream()
                .filter(function -> function.handler().contains("." + handlerClass + "::"))
                .map(FunctionSpec::name).findFirst().orElseThrow();
    }
}
