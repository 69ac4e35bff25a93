package com.flightwatch.platform.lambda;

/**
 * One invocation with what an activation record needs beyond the result (thread isolation has no
 * per-invocation output: its logs are empty).
 *
 * @param logs           what the instance wrote to stdout/stderr during the invocation (capped, truncation marked)
 * @param initDurationMs the cold start's init duration (spawn to first poll), or -1 when the instance was warm
 */
public record InvocationDetails(InvocationResult result, String logs, long initDurationMs) {

    public boolean coldStart() {
        return initDurationMs >= 0;
    }
}
