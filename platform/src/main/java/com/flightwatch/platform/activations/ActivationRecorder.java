package com.flightwatch.platform.activations;

import com.flightwatch.platform.lambda.FunctionHost;
import com.flightwatch.platform.lambda.InvocationDetails;
import com.flightwatch.platform.lambda.InvocationMdc;
import com.flightwatch.platform.lambda.InvocationResult;
import com.flightwatch.platform.lambda.InvocationType;
import com.flightwatch.platform.lambda.Invoker;
import com.flightwatch.platform.security.PhoneNumberRedaction;
import com.flightwatch.platform.stack.FunctionSpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Invoker} that leaves an activation record for every invocation it passes to the host.
 * Each trigger (the gateway, topics, the Lambda API, schedules) gets its own recorder, which names
 * it; the caller names the cause. A record that cannot be stored is logged, never turned into a
 * failed invocation.
 */
public final class ActivationRecorder implements Invoker {

    public static final String GATEWAY = "gateway";
    public static final String TOPIC = "topic";
    public static final String LAMBDA_API = "lambda-api";
    public static final String SCHEDULE = "schedule";
    /** The platform's start, doing what CloudFormation does on deploy (custom resources). */
    public static final String DEPLOY = "deploy";

    private static final Logger LOG = LoggerFactory.getLogger(ActivationRecorder.class);

    private final FunctionHost host;
    private final ActivationStore store;
    private final String trigger;
    private final Clock clock;
    private final ActivationListener listener;

    public ActivationRecorder(FunctionHost host, ActivationStore store, String trigger, Clock clock) {
        this(host, store, trigger, clock, ActivationListener.NONE);
    }

    /** @param listener told of every record after it is stored (the platform's metrics) */
    public ActivationRecorder(FunctionHost host, ActivationStore store, String trigger, Clock clock,
                              ActivationListener listener) {
        this.host = host;
        this.store = store;
        this.trigger = trigger;
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    public InvocationResult invoke(String functionName, byte[] eventJson) {
        return invoke(functionName, eventJson, InvocationType.REQUEST_RESPONSE, null);
    }

    @Override
    public InvocationResult invoke(String functionName, byte[] eventJson, InvocationType type, String cause) {
        return invokeWithLogs(functionName, eventJson, type, cause).result();
    }

    /** A synchronous invocation with no cause named; see {@link #invokeWithLogs(String, byte[], InvocationType, String)}. */
    public InvocationDetails invokeWithLogs(String functionName, byte[] eventJson) {
        return invokeWithLogs(functionName, eventJson, InvocationType.REQUEST_RESPONSE, null);
    }

    /**
     * Invokes, records, and returns the details (for callers that show logs, like the Lambda API's log tail).
     *
     * @param cause what caused the invocation (a request id, a message id, a rule's ARN), or null
     */
    public InvocationDetails invokeWithLogs(String functionName, byte[] eventJson, InvocationType type, String cause) {
        return record(functionName, cause, host.invokeWithLogs(functionName, eventJson, type));
    }

    /**
     * As {@link #invokeWithLogs(String, byte[], InvocationType, String)}, without holding the caller's thread
     * (see {@link FunctionHost#invokeAsync}); the record is stored before the future completes.
     */
    public CompletableFuture<InvocationDetails> invokeAsync(String functionName, byte[] eventJson, InvocationType type,
                                                            String cause, Executor blockingWork) {
        return host.invokeAsync(functionName, eventJson, type, blockingWork)
                .thenApply(details -> record(functionName, cause, details));
    }

    private InvocationDetails record(String functionName, String cause, InvocationDetails details) {
        // The end is read after the answer, not derived from a start taken before: an EVENT invoke may wait
        // minutes for capacity, and a poller selecting by end time must find the record near "now".
        Instant end = clock.instant();
        Activation activation = activation(functionName, cause, details, end);
        try (InvocationMdc.Scope ignored = InvocationMdc.put(activation.activationId())) {
            try {
                store.record(activation);
            } catch (RuntimeException e) {
                LOG.warn("The activation of {} ({}) was not recorded: {}", functionName, activation.activationId(),
                        e.getMessage());
            }
            try {
                listener.finished(activation);
            } catch (RuntimeException e) {
                LOG.warn("A listener failed on the activation of {}: {}", functionName, e.toString());
            }
        }
        return details;
    }

    private Activation activation(String functionName, String cause, InvocationDetails details, Instant end) {
        InvocationResult result = details.result();
        Optional<FunctionSpec> function = host.function(functionName);
        // The host's duration runs from the call to the answer and its wait includes a cold start's init.
        // OpenWhisk's record splits them differently: waitTime is the queueing only, and the duration (from
        // start to end) includes the init, which initTime also reports.
        long init = details.coldStart() ? details.initDurationMs() : 0;
        long queued = Math.max(0, details.waitMillis() - init);
        long duration = Math.max(0, result.durationMillis() - queued);
        return new Activation(result.requestId(), functionName, Activation.LATEST, trigger, cause,
                end.minusMillis(duration), end, duration,
                details.coldStart() ? details.initDurationMs() : null, queued,
                result.status().name(), result.errorType(), result.errorMessage(),
                // No whole phone number is kept, whatever a function returns or prints (docs/reliability.md).
                PhoneNumberRedaction.mask(result.payload() == null ? null
                        : new String(result.payload(), StandardCharsets.UTF_8)),
                PhoneNumberRedaction.mask(details.logs()), function.map(FunctionSpec::runtime).orElse(null),
                function.map(FunctionSpec::memoryMb).orElse(null));
    }
}
