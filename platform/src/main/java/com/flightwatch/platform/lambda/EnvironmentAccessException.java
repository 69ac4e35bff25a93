package com.flightwatch.platform.lambda;

/** The JVM does not let thread isolation set the environment its functions read through {@code System.getenv()}. */
public class EnvironmentAccessException extends RuntimeException {

    public EnvironmentAccessException(Throwable cause) {
        super("Thread isolation gives functions their environment variables through this JVM's environment and needs"
                + " the JVM options --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED", cause);
    }
}
