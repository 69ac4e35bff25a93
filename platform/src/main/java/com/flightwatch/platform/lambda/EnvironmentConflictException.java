package com.flightwatch.platform.lambda;

/**
 * Two functions deployed in thread isolation need different values for the same environment
 * variable; in one JVM they cannot both have theirs.
 */
public class EnvironmentConflictException extends RuntimeException {

    public EnvironmentConflictException(String deployed, String deploying, String key) {
        super("In thread isolation functions share one environment: " + deployed + " and " + deploying
                + " set " + key + " differently; use process isolation");
    }
}
