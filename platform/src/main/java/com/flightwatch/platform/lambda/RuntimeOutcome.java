package com.flightwatch.platform.lambda;

/**
 * What a function process reported for one invocation (or for its init) on the Runtime API, or
 * what the platform saw instead (the process exited).
 *
 * @param payload the response body, or the runtime client's error document
 */
record RuntimeOutcome(InvocationStatus status, byte[] payload, String errorType) {

    static RuntimeOutcome success(byte[] payload) {
        return new RuntimeOutcome(InvocationStatus.SUCCESS, payload, null);
    }
}
