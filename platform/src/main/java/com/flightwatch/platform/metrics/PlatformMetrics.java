package com.flightwatch.platform.metrics;

import com.flightwatch.platform.activations.ActivationListener;
import com.flightwatch.platform.gateway.GatewayObserver;
import com.flightwatch.platform.lambda.FunctionHost;
import com.flightwatch.platform.sns.SnsObserver;
import com.flightwatch.platform.stack.AwsIds;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The platform's metrics, in one Prometheus registry that {@code GET /metrics} on the control plane
 * scrapes: functions (OpenWhisk's user-events names), gateways, topics and SMS, the platform
 * database's connection pool, and the JVM. Each part gets its seam from here; see docs/observability.md.
 */
public final class PlatformMetrics implements AutoCloseable {

    /** The Prometheus text exposition format, version 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final FunctionGauges functions;
    private final ActivationMetrics activations;
    private final TopicMetrics topics;

    public PlatformMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        functions = new FunctionGauges(registry, AwsIds.ACCOUNT_ID);
        activations = new ActivationMetrics(registry, AwsIds.ACCOUNT_ID, functions);
        topics = new TopicMetrics(registry);
    }

    /** For every {@code ActivationRecorder}: counts and times each activation. */
    public ActivationListener activations() {
        return activations;
    }

    /** For the SNS service: publishes, deliveries, retries, dead letters, SMS. */
    public SnsObserver topics() {
        return topics;
    }

    /** For the gateway of the API called {@code apiName}. */
    public GatewayObserver gateway(String apiName) {
        return new GatewayMetrics(registry, apiName);
    }

    /** Concurrent executions and instances per function, read from {@code host} at each scrape. */
    public void watchFunctions(FunctionHost host) {
        functions.readFrom(host);
    }

    /** HikariCP's pool metrics ({@code hikaricp_connections...}) for {@code pool}; once per pool. */
    public void watchPool(HikariDataSource pool) {
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }

    /** Everything, in {@link #CONTENT_TYPE}. */
    public String scrape() {
        functions.watchDeployed();
        return registry.scrape(CONTENT_TYPE);
    }

    /** For tests and for parts that want a meter of their own. */
    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
