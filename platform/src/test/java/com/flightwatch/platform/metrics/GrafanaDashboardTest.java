package com.flightwatch.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.activations.Activation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ops/grafana/flightwatch-dashboard.json parses, and every panel's PromQL names only metrics that a
 * scrape of the platform's registry exports, once every seam has reported something.
 */
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Path.of("..", "ops", "grafana", "flightwatch-dashboard.json");
    /** An identifier not followed by "(" (a function call) or more identifier characters. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(?![a-zA-Z0-9_:]|\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");

    private final PlatformMetrics metrics = new PlatformMetrics();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void everyPanelQuery_namesOnlyExportedMetrics() throws IOException {
        Set<String> exported = exportedNames();
        JsonNode panels = new ObjectMapper().readTree(DASHBOARD.toFile()).path("panels");
        assertThat(panels.size()).isGreaterThan(0);
        Set<String> queried = new HashSet<>();
        for (JsonNode panel : panels) {
            assertThat(panel.path("targets").size()).as(panel.path("title").asText()).isGreaterThan(0);
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                Set<String> names = metricNames(expr);
                assertThat(names).as("metrics in " + expr).isNotEmpty();
                assertThat(exported).as("exported metrics, for " + panel.path("title").asText()).containsAll(names);
                queried.addAll(names);
            }
        }
        // What the issue asks the dashboard to show: invocations, errors, cold starts, duration percentiles,
        // throttles, SMS rate, dead letters, the gateway's statuses and latency.
        assertThat(queried).contains("openwhisk_action_activations_total", "openwhisk_action_status_total",
                "openwhisk_action_coldStarts_total", "openwhisk_action_duration_seconds_bucket",
                "openwhisk_action_limit_concurrent_total", "flightwatch_sms_sent_total",
                "flightwatch_topic_dead_letters_total", "flightwatch_gateway_requests_total",
                "flightwatch_gateway_latency_seconds_bucket");
    }

    @Test
    void metricNames_skipFunctionsLabelsStringsAndRanges() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (le, action) "
                + "(rate(openwhisk_action_duration_seconds_bucket{status=~\"4..\", x=\"a{b}\"}[$__rate_interval])))"))
                .containsExactly("openwhisk_action_duration_seconds_bucket");
        assertThat(metricNames("sum(a_total) / sum(b_total) and on (action) c")).containsExactlyInAnyOrder(
                "a_total", "b_total", "c");
    }

    /** The sample names of a scrape after each seam reported once. */
    private Set<String> exportedNames() {
        Instant end = Instant.parse("2026-11-24T08:00:00Z");
        metrics.activations().finished(new Activation("a1", "flights", Activation.LATEST, "gateway", null,
                end.minusMillis(5), end, 5, 2L, 1, "SUCCESS", null, null, null, null, "java21", 512));
        metrics.activations().finished(new Activation("a2", "flights", Activation.LATEST, "gateway", null,
                end, end, 0, null, 0, "THROTTLED", null, null, null, null, "java21", 512));
        metrics.watchFunctions(new FixedHost("flights", 0, 1));
        metrics.gateway("Flight API").responded("GET", "/flights/{flightId}", "ApiKey", 200, 1_000_000);
        String topic = "arn:aws:sns:us-east-1:000000000000:alerts";
        metrics.topics().published(topic, 1);
        metrics.topics().delivered(topic, "lambda");
        metrics.topics().retried(topic, "lambda");
        metrics.topics().deadLettered(topic, "lambda");
        metrics.topics().smsSent(1);
        return Arrays.stream(metrics.scrape().split("\n"))
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toSet());
    }

    /** The metric names a PromQL expression selects: what is left once strings, matchers, ranges and groupings go. */
    static Set<String> metricNames(String expr) {
        String selectors = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> names = new HashSet<>();
        Matcher identifier = IDENTIFIER.matcher(selectors);
        while (identifier.find()) {
            if (!KEYWORDS.contains(identifier.group())) {
                names.add(identifier.group());
            }
        }
        return names;
    }
}
