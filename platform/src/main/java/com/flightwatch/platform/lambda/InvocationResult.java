package com.flightwatch.platform.lambda;

/**
 * The outcome of one invocation. {@code payload} is the function's JSON result when {@code status}
 * is {@link InvocationStatus#SUCCESS}, otherwise Lambda's error document
 * ({@code {"errorMessage": ..., "errorType": ...}}).
 */
public record InvocationResult(
        String requestId,
        InvocationStatus status,
        byte[] payload,
        String errorType,
        String errorMessage,
        long durationMillis) {

    public boolean succeeded() {
        return status == InvocationStatus.SUCCESS;
    }
}
