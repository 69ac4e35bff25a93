package com.flightwatch.platform.lambda;

import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link LifecycleContract} in process isolation: every instance a JVM of its own. */
class ProcessLifecycleIT extends LifecycleContract {

    static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void closeVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Override
    FunctionHost newHost(int maxConcurrency, Duration idleTimeout) {
        return new ProcessInvoker(vertx, "us-east-1", maxConcurrency, idleTimeout);
    }

    @Override
    int instanceCount(String functionName) {
        return ((ProcessInvoker) host).instanceCount(functionName);
    }

    @Override
    long handlerMillis() {
        return 1000;
    }
}
