package com.flightwatch.platform.metrics;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /metrics} on the control plane: the Prometheus scrape endpoint. */
public final class MetricsRoutes {

    public static final String PATH = "/metrics";

    private final Vertx vertx;
    private final PlatformMetrics metrics;

    public MetricsRoutes(Vertx vertx, PlatformMetrics metrics) {
        this.vertx = vertx;
        this.metrics = metrics;
    }

    public void mount(Router router) {
        router.get(PATH).handler(this::scrape);
    }

    /** Off the event loop: the gauges read the pool, the JVM and the functions, and the text grows with them. */
    private void scrape(RoutingContext context) {
        vertx.executeBlocking(metrics::scrape, false).onComplete(outcome -> {
            if (outcome.succeeded()) {
                context.response().putHeader("Content-Type", PlatformMetrics.CONTENT_TYPE).end(outcome.result());
            } else {
                context.fail(outcome.cause());
            }
        });
    }
}
