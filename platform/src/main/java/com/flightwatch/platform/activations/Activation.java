package com.flightwatch.platform.activations;

import java.time.Instant;

/**
 * The record of one invocation (OpenWhisk's activation): what ran, why, when, how it ended, what
 * it returned and what it wrote.
 *
 * @param activationId   the invocation's request id
 * @param trigger        what invoked it: {@code gateway}, {@code topic} or {@code lambda-api}
 * @param initDurationMs the cold start's init duration; null when the instance was warm
 * @param status         an {@link com.flightwatch.platform.lambda.InvocationStatus} name
 * @param result         the function's result or error document, capped at {@link Activations#MAX_TEXT_BYTES}
 * @param logs           its stdout, stderr and LambdaLogger output, capped likewise, truncation marked
 */
public record Activation(
        String activationId,
        String functionName,
        String trigger,
        Instant start,
        Instant end,
        long durationMs,
        Long initDurationMs,
        String status,
        String errorType,
        String errorMessage,
        String result,
        String logs) {
}
