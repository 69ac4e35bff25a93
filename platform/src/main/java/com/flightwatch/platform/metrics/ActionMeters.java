package com.flightwatch.platform.metrics;

import com.flightwatch.platform.activations.Activation;
import com.flightwatch.platform.lambda.InvocationStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The meters of one function as one initiator (trigger) invokes it, with OpenWhisk's user-events
 * names and labels, registered once so that recording an activation only finds and bumps them.
 */
final class ActionMeters {

    private final String kind;
    private final Integer memoryMb;
    private final Counter activations;
    private final Counter coldStarts;
    private final Counter throttles;
    private final Map<InvocationStatus, Counter> statuses = new EnumMap<>(InvocationStatus.class);
    private final Timer waitTime;
    private final Timer initTime;
    private final Timer duration;

    ActionMeters(MeterRegistry registry, String namespace, String initiator, String action, String kind,
                 Integer memoryMb) {
        this.kind = kind;
        this.memoryMb = memoryMb;
        Tags tags = Tags.of("namespace", namespace, "initiator", initiator, "action", action);
        activations = Counter.builder(MetricNames.ACTIVATIONS).description("Activations, whatever their outcome")
                .tags(tags).tags("kind", kind == null ? "" : kind, "memory", memoryMb == null ? "" : memoryMb.toString())
                .register(registry);
        coldStarts = Counter.builder(MetricNames.COLD_STARTS).description("Activations that started an instance")
                .tags(tags).register(registry);
        // OpenWhisk counts these by namespace (who was limited); the function is added, as Lambda's Throttles has it.
        throttles = Counter.builder(MetricNames.CONCURRENT_LIMIT)
                .description("Invocations refused (or events given up) at the function's concurrency limit")
                .tags("namespace", namespace, "action", action).register(registry);
        for (InvocationStatus status : InvocationStatus.values()) {
            statuses.put(status, Counter.builder(MetricNames.STATUS).description("Activations by outcome")
                    .tags(tags).tag("status", OpenWhiskStatus.of(status)).register(registry));
        }
        waitTime = Histograms.timer(registry, MetricNames.WAIT_TIME, "Time queued for an instance", tags);
        initTime = Histograms.timer(registry, MetricNames.INIT_TIME, "Cold starts' init time", tags);
        duration = Histograms.timer(registry, MetricNames.DURATION, "Time the function ran, init included", tags);
    }

    /** Whether these meters carry the function's current runtime and memory labels. */
    boolean describes(Activation activation) {
        return Objects.equals(kind, activation.kind()) && Objects.equals(memoryMb, activation.memoryLimitMb());
    }

    void record(Activation activation, InvocationStatus status) {
        activations.increment();
        statuses.get(status).increment();
        if (status == InvocationStatus.THROTTLED) {
            throttles.increment(); // it never ran: no wait, init or duration to observe
            return;
        }
        if (activation.initDurationMs() != null) {
            coldStarts.increment();
            initTime.record(activation.initDurationMs(), TimeUnit.MILLISECONDS);
        }
        waitTime.record(activation.waitTimeMs(), TimeUnit.MILLISECONDS);
        duration.record(activation.durationMs(), TimeUnit.MILLISECONDS);
    }
}
