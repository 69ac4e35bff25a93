package com.flightwatch.platform.activations;

import com.flightwatch.platform.lambda.FunctionHost;
import com.flightwatch.platform.lambda.InvocationDetails;
import com.flightwatch.platform.lambda.InvocationResult;
import com.flightwatch.platform.lambda.Invoker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Invoker} that leaves an activation record for every invocation it passes to the host.
 * Each trigger (the gateway, topics, the Lambda API) gets its own recorder, which names it. A
 * record that cannot be stored is logged, never turned into a failed invocation.
 */
public final class ActivationRecorder implements Invoker {

    public static final String GATEWAY = "gateway";
    public static final String TOPIC = "topic";
    public static final String LAMBDA_API = "lambda-api";
    public static final String SCHEDULE = "schedule";

    private static final Logger LOG = LoggerFactory.getLogger(ActivationRecorder.class);

    private final FunctionHost host;
    private final ActivationStore store;
    private final String trigger;
    private final Clock clock;

    public ActivationRecorder(FunctionHost host, ActivationStore store, String trigger, Clock clock) {
        this.host = host;
        this.store = store;
        this.trigger = trigger;
        this.clock = clock;
    }

    @Override
    public InvocationResult invoke(String functionName, byte[] eventJson) {
        return invokeWithLogs(functionName, eventJson).result();
    }

    /** Invokes, records, and returns the details (for callers that show logs, like the Lambda API's log tail). */
    public InvocationDetails invokeWithLogs(String functionName, byte[] eventJson) {
        Instant start = clock.instant();
        InvocationDetails details = host.invokeWithLogs(functionName, eventJson);
        InvocationResult result = details.result();
        Activation activation = new Activation(result.requestId(), functionName, trigger, start,
                start.plusMillis(result.durationMillis()), result.durationMillis(),
                details.coldStart() ? details.initDurationMs() : null, result.status().name(), result.errorType(),
                result.errorMessage(), result.payload() == null ? null : new String(result.payload(), StandardCharsets.UTF_8),
                details.logs());
        try {
            store.record(activation);
        } catch (RuntimeException e) {
            LOG.warn("The activation of {} ({}) was not recorded: {}", functionName, result.requestId(), e.getMessage());
        }
        return details;
    }
}
