package com.flightwatch.platform.lambda;

import io.vertx.core.Vertx;
import java.time.Duration;

/** Where function instances run: each in a JVM of its own, as on Lambda, or as threads in the platform's JVM. */
public enum Isolation {
    PROCESS,
    THREAD;

    /** A host whose idle instances stop after Lambda-like ten minutes. */
    public FunctionHost newHost(Vertx vertx, String region, int maxConcurrency) {
        return newHost(vertx, region, maxConcurrency, IdleReaper.DEFAULT_IDLE_TIMEOUT);
    }

    /**
     * @param vertx          serves the Runtime API in process isolation; owned by the caller
     * @param maxConcurrency instances per function at most, unless its spec reserves another figure
     * @param idleTimeout    how long a warm instance waits for work before it is stopped
     */
    public FunctionHost newHost(Vertx vertx, String region, int maxConcurrency, Duration idleTimeout) {
        return switch (this) {
            case PROCESS -> new ProcessInvoker(vertx, region, maxConcurrency, idleTimeout);
            case THREAD -> new ThreadInvoker(region, maxConcurrency, idleTimeout);
        };
    }
}
