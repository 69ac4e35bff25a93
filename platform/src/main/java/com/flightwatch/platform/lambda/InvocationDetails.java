package com.flightwatch.platform.lambda;

/**
 * One invocation with what an activation record needs beyond the result.
 *
 * @param logs           what the instance wrote to stdout/stderr during the invocation (capped, truncation marked)
 * @param initDurationMs the cold start's init duration (spawn to first poll), or -1 when the instance was warm
 * @param waitMillis     how long the invocation waited for an instance (queueing and, for a cold one, its start)
 */
public record InvocationDetails(InvocationResult result, String logs, long initDurationMs, long waitMillis) {

    /** Details from a host that does not measure the wait. */
    public InvocationDetails(InvocationResult result, String logs, long initDurationMs) {
        this(result, logs, initDurationMs, 0);
    }

    public boolean coldStart() {
        return initDurationMs >= 0;
    }
}
