package com.flightwatch.platform.metrics;

import com.flightwatch.platform.lambda.FunctionHost;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per function, read from the host at each scrape: its concurrent executions (the invocations
 * holding one of its concurrency slots, Lambda's ConcurrentExecutions) and its instances, warm or busy.
 * A function gets its gauges at the first scrape or activation after its deploy; one deleted later reads 0.
 */
final class FunctionGauges {

    private final MeterRegistry registry;
    private final String namespace;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private volatile FunctionHost host;

    FunctionGauges(MeterRegistry registry, String namespace) {
        this.registry = registry;
        this.namespace = namespace;
    }

    /** Reads from {@code newHost} from now on, and watches the functions it has. */
    void readFrom(FunctionHost newHost) {
        host = newHost;
        watchDeployed();
    }

    /** Watches the functions deployed since the last look (the stack's, those made through the Lambda API). */
    void watchDeployed() {
        FunctionHost current = host;
        if (current != null) {
            current.functionNames().forEach(this::watch);
        }
    }

    void watch(String function) {
        if (!watched.add(function)) {
            return;
        }
        Gauge.builder(MetricNames.CONCURRENT_EXECUTIONS, this, gauges -> gauges.read(function, true))
                .description("Invocations running now (holding a concurrency slot)")
                .tags("namespace", namespace, "action", function).strongReference(true).register(registry);
        Gauge.builder(MetricNames.INSTANCES, this, gauges -> gauges.read(function, false))
                .description("Instances of the function, warm or busy")
                .tags("namespace", namespace, "action", function).strongReference(true).register(registry);
    }

    private double read(String function, boolean executions) {
        FunctionHost current = host;
        if (current == null) {
            return 0;
        }
        return executions ? current.concurrentExecutions(function) : current.instanceCount(function);
    }
}
