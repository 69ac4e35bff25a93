package com.flightwatch.platform.activations;

import java.time.Instant;

/**
 * The record of one invocation (OpenWhisk's activation): what ran, why, when, how it ended, what
 * it returned and what it wrote.
 *
 * @param activationId   the invocation's request id
 * @param version        the function version that ran; always {@link #LATEST} here
 * @param trigger        what invoked it: {@code gateway}, {@code topic}, {@code lambda-api}, {@code schedule}
 *                       or {@code deploy} (a custom resource run at start)
 * @param cause          what within the trigger caused it (a gateway request id, a topic message id, a
 *                       schedule rule's ARN); null when the caller did not say
 * @param start          when the function started running: {@code end} minus {@code durationMs}
 * @param end            when the invocation's answer reached the platform
 * @param initDurationMs the cold start's init duration; null when the instance was warm
 * @param waitTimeMs     how long the invocation queued for an instance before it ran (a cold start's init
 *                       is not counted here: it is in {@code durationMs} and {@code initDurationMs}, as in OpenWhisk)
 * @param status         an {@link com.flightwatch.platform.lambda.InvocationStatus} name
 * @param result         the function's result or error document, capped at {@link Activations#MAX_TEXT_BYTES};
 *                       null in list answers
 * @param logs           its stdout, stderr and LambdaLogger output, capped likewise, truncation marked;
 *                       null in list answers
 * @param kind           the function's runtime, e.g. {@code java21}; null when unknown
 * @param memoryLimitMb  the function's memory size; null when unknown
 */
public record Activation(
        String activationId,
        String functionName,
        String version,
        String trigger,
        String cause,
        Instant start,
        Instant end,
        long durationMs,
        Long initDurationMs,
        long waitTimeMs,
        String status,
        String errorType,
        String errorMessage,
        String result,
        String logs,
        String kind,
        Integer memoryLimitMb) {

    /** Lambda's name for the unpublished version, the only one the platform runs. */
    public static final String LATEST = "$LATEST";

    /** The same record without its result and logs: what a list shows. */
    public Activation summary() {
        return new Activation(activationId, functionName, version, trigger, cause, start, end, durationMs,
                initDurationMs, waitTimeMs, status, errorType, errorMessage, null, null, kind, memoryLimitMb);
    }
}
