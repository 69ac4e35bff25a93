package com.flightwatch.platform.lambda;

import io.vertx.core.Vertx;

/** Where function instances run: each in a JVM of its own, as on Lambda, or as threads in the platform's JVM. */
public enum Isolation {
    PROCESS,
    THREAD;

    /** @param vertx serves the Runtime API in process isolation; owned by the caller */
    public FunctionHost newHost(Vertx vertx, String region, int maxInstancesPerFunction) {
        return switch (this) {
            case PROCESS -> new ProcessInvoker(vertx, region, maxInstancesPerFunction);
            case THREAD -> new ThreadInvoker(region, maxInstancesPerFunction);
        };
    }
}
