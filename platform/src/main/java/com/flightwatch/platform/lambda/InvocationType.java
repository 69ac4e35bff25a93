package com.flightwatch.platform.lambda;

/**
 * Lambda's invocation types, as far as the host cares: a synchronous caller is answered at once
 * (throttled when the function runs at its concurrency limit); an asynchronous one (Lambda's
 * {@code Event}: topics, schedules, {@code X-Amz-Invocation-Type: Event}) waits for capacity instead.
 */
public enum InvocationType {
    REQUEST_RESPONSE,
    EVENT
}
