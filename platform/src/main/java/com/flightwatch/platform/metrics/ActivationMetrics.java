package com.flightwatch.platform.metrics;

import com.flightwatch.platform.activations.Activation;
import com.flightwatch.platform.activations.ActivationListener;
import com.flightwatch.platform.lambda.InvocationStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns every recorded activation into OpenWhisk's user-events metrics. The meters of a function
 * and initiator (the trigger: gateway, topic, lambda-api, schedule, deploy) are registered at its
 * first activation and found again by two map lookups, without building tags: a warm invocation
 * takes well under a millisecond, and its metrics must not add to that.
 */
final class ActivationMetrics implements ActivationListener {

    private final MeterRegistry registry;
    private final String namespace;
    private final FunctionGauges gauges;
    private final Map<String, Map<String, ActionMeters>> byInitiator = new ConcurrentHashMap<>();

    /**
     * @param namespace the functions' namespace label: the account id of their ARNs
     * @param gauges    told of each function seen, so its concurrency gauges exist
     */
    ActivationMetrics(MeterRegistry registry, String namespace, FunctionGauges gauges) {
        this.registry = registry;
        this.namespace = namespace;
        this.gauges = gauges;
    }

    @Override
    public void finished(Activation activation) {
        InvocationStatus status = InvocationStatus.valueOf(activation.status());
        meters(activation).record(activation, status);
    }

    private ActionMeters meters(Activation activation) {
        Map<String, ActionMeters> byAction = byInitiator.computeIfAbsent(activation.trigger(),
                initiator -> new ConcurrentHashMap<>());
        ActionMeters meters = byAction.get(activation.functionName());
        if (meters != null && meters.describes(activation)) {
            return meters;
        }
        // First activation, or the function was redeployed with another runtime or memory size: new labels.
        gauges.watch(activation.functionName());
        return byAction.compute(activation.functionName(), (action, current) -> current != null
                && current.describes(activation) ? current : new ActionMeters(registry, namespace,
                activation.trigger(), action, activation.kind(), activation.memoryLimitMb()));
    }
}
