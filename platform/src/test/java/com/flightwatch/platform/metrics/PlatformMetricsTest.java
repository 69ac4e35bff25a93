package com.flightwatch.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.activations.Activation;
import com.flightwatch.platform.activations.ActivationListener;
import com.flightwatch.platform.gateway.GatewayObserver;
import com.flightwatch.platform.sns.SnsObserver;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlatformMetricsTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:alerts";

    private final PlatformMetrics metrics = new PlatformMetrics();
    private final MeterRegistry registry = metrics.registry();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void activations_countedByInitiatorActionAndOpenWhiskStatus() {
        ActivationListener listener = metrics.activations();

        listener.finished(activation("gateway", "flights", "SUCCESS", 120L, 3, 130));
        listener.finished(activation("gateway", "flights", "SUCCESS", null, 1, 2));
        listener.finished(activation("gateway", "flights", "FUNCTION_ERROR", null, 0, 4));
        listener.finished(activation("topic", "flights", "TIMEOUT", null, 0, 3000));

        assertThat(counter(MetricNames.ACTIVATIONS, "initiator", "gateway", "action", "flights", "kind", "java21",
                "memory", "512")).isEqualTo(3);
        assertThat(counter(MetricNames.STATUS, "initiator", "gateway", "status", "success")).isEqualTo(2);
        assertThat(counter(MetricNames.STATUS, "initiator", "gateway", "status", "application_error")).isEqualTo(1);
        assertThat(counter(MetricNames.STATUS, "initiator", "topic", "status", "action_developer_error")).isEqualTo(1);
        assertThat(counter(MetricNames.COLD_STARTS, "initiator", "gateway", "action", "flights")).isEqualTo(1);
        assertThat(registry.get(MetricNames.INIT_TIME).tag("initiator", "gateway").timer().count()).isEqualTo(1);
        assertThat(registry.get(MetricNames.INIT_TIME).tag("initiator", "gateway").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(120);
        assertThat(registry.get(MetricNames.DURATION).tag("initiator", "gateway").timer().count()).isEqualTo(3);
        assertThat(registry.get(MetricNames.WAIT_TIME).tag("initiator", "gateway").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(4);
    }

    @Test
    void activations_throttled_countAsConcurrencyLimitHitsWithoutTimes() {
        metrics.activations().finished(activation("gateway", "sms", "THROTTLED", null, 0, 0));

        assertThat(counter(MetricNames.CONCURRENT_LIMIT, "action", "sms")).isEqualTo(1);
        assertThat(counter(MetricNames.STATUS, "action", "sms", "status", "throttled")).isEqualTo(1);
        assertThat(registry.get(MetricNames.DURATION).tag("action", "sms").timer().count()).isZero();
    }

    @Test
    void gateway_countsByResourceMethodKeyAndStatus_keyIdNeverValue() {
        GatewayObserver observer = metrics.gateway("Flight API");

        observer.responded("GET", "/flights/{flightId}", "ApiKeyA1", 200, 2_000_000);
        observer.responded("GET", "/flights/{flightId}", "ApiKeyA1", 200, 4_000_000);
        observer.responded("POST", "/flights", null, 403, 1_000_000);
        observer.responded(null, null, null, 403, 1_000_000);

        assertThat(counter(MetricNames.GATEWAY_REQUESTS, "api", "Flight API", "method", "GET",
                "resource", "/flights/{flightId}", "key", "ApiKeyA1", "status", "200")).isEqualTo(2);
        assertThat(counter(MetricNames.GATEWAY_REQUESTS, "resource", "/flights", "key", "", "status", "403"))
                .isEqualTo(1);
        assertThat(counter(MetricNames.GATEWAY_REQUESTS, "resource", "", "method", "", "status", "403")).isEqualTo(1);
        assertThat(registry.get(MetricNames.GATEWAY_LATENCY).tag("resource", "/flights/{flightId}").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(6);
    }

    @Test
    void topics_countPublishesDeliveriesRetriesDeadLettersAndSms() {
        SnsObserver observer = metrics.topics();

        observer.published(TOPIC, 1);
        observer.published(TOPIC, 10);
        observer.delivered(TOPIC, "lambda");
        observer.retried(TOPIC, "http");
        observer.retried(TOPIC, "http");
        observer.deadLettered(TOPIC, "http");
        observer.smsSent(2);

        assertThat(counter(MetricNames.TOPIC_PUBLISHED, "topic", "alerts")).isEqualTo(11);
        assertThat(counter(MetricNames.TOPIC_DELIVERIES, "topic", "alerts", "protocol", "lambda")).isEqualTo(1);
        assertThat(counter(MetricNames.TOPIC_RETRIES, "topic", "alerts", "protocol", "http")).isEqualTo(2);
        assertThat(counter(MetricNames.TOPIC_DEAD_LETTERS, "topic", "alerts", "protocol", "http")).isEqualTo(1);
        assertThat(registry.get(MetricNames.SMS_SENT).counter().count()).isEqualTo(1);
        assertThat(registry.get(MetricNames.SMS_PARTS).counter().count()).isEqualTo(2);
    }

    @Test
    void functions_gaugesReadTheHostAtScrape() {
        FixedHost host = new FixedHost("flights", 3, 5);
        metrics.watchFunctions(host);

        assertThat(registry.get(MetricNames.CONCURRENT_EXECUTIONS).tag("action", "flights").gauge().value()).isEqualTo(3);
        assertThat(registry.get(MetricNames.INSTANCES).tag("action", "flights").gauge().value()).isEqualTo(5);
        host.running = 1;
        assertThat(registry.get(MetricNames.CONCURRENT_EXECUTIONS).tag("action", "flights").gauge().value()).isEqualTo(1);
    }

    @Test
    void scrape_functionDeployedAfterTheHostWasWatched_getsItsGauges() {
        FixedHost host = new FixedHost("flights", 0, 1);
        metrics.watchFunctions(host);
        host.deployed.add("created-later");

        assertThat(metrics.scrape()).contains("flightwatch_action_instances{action=\"created-later\"");
    }

    @Test
    void scrape_prometheusText004_withOpenWhiskNamesHistogramsAndJvm() {
        metrics.activations().finished(activation("gateway", "flights", "SUCCESS", 120L, 3, 130));

        String text = metrics.scrape();

        assertThat(PlatformMetrics.CONTENT_TYPE).contains("version=0.0.4");
        assertThat(text)
                .contains("# TYPE openwhisk_action_activations_total counter")
                .contains("openwhisk_action_coldStarts_total{action=\"flights\",initiator=\"gateway\","
                        + "namespace=\"000000000000\"} 1")
                .contains("# TYPE openwhisk_action_duration_seconds histogram")
                .contains("openwhisk_action_duration_seconds_bucket{action=\"flights\",initiator=\"gateway\","
                        + "namespace=\"000000000000\",le=\"0.25\"} 1")
                .contains("openwhisk_action_waitTime_seconds_count{")
                .contains("jvm_memory_used_bytes{");
    }

    private double counter(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private static Activation activation(String trigger, String function, String status, Long initMs, long waitMs,
                                         long durationMs) {
        Instant end = Instant.parse("2026-11-24T08:00:00Z");
        return new Activation("id-" + System.nanoTime(), function, Activation.LATEST, trigger, null,
                end.minusMillis(durationMs), end, durationMs, initMs, waitMs, status, null, null, null, null,
                "java21", 512);
    }
}
