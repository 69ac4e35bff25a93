package com.flightwatch.platform.metrics;

import com.flightwatch.platform.gateway.GatewayObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The requests one API's gateway answers, by resource, method, API key and status, and their
 * latency by resource and method; labelled as API Gateway's CloudWatch dimensions are (ApiName,
 * Resource, Method). The key label is the key's logical id, never its value. A request that matched
 * no resource, or used no key, has an empty label.
 */
final class GatewayMetrics implements GatewayObserver {

    private record Exchange(String method, String resource, String key, int status) {
    }

    private record Meters(Counter requests, Timer latency) {
    }

    private final MeterRegistry registry;
    private final String api;
    private final Map<Exchange, Meters> meters = new ConcurrentHashMap<>();

    GatewayMetrics(MeterRegistry registry, String api) {
        this.registry = registry;
        this.api = api;
    }

    @Override
    public void responded(String method, String resourcePath, String apiKeyId, int status, long latencyNanos) {
        Exchange exchange = new Exchange(orEmpty(method), orEmpty(resourcePath), orEmpty(apiKeyId), status);
        Meters found = meters.get(exchange);
        if (found == null) {
            found = meters.computeIfAbsent(exchange, this::register);
        }
        found.requests().increment();
        found.latency().record(latencyNanos, TimeUnit.NANOSECONDS);
    }

    private Meters register(Exchange exchange) {
        Tags route = Tags.of("api", api, "method", exchange.method(), "resource", exchange.resource());
        Counter requests = Counter.builder(MetricNames.GATEWAY_REQUESTS).description("Requests the gateway answered")
                .tags(route).tags("key", exchange.key(), "status", Integer.toString(exchange.status()))
                .register(registry);
        Timer latency = Histograms.timer(registry, MetricNames.GATEWAY_LATENCY,
                "From a request's arrival to its response", route);
        return new Meters(requests, latency);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
