package com.flightwatch.platform.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link LifecycleContract} in thread isolation, and what only thread isolation has to prove. */
class ThreadLifecycleTest extends LifecycleContract {

    @Override
    FunctionHost newHost(int maxConcurrency, Duration idleTimeout) {
        return new ThreadInvoker("us-east-1", maxConcurrency, idleTimeout);
    }

    @Override
    int instanceCount(String functionName) {
        return ((ThreadInvoker) host).instanceCount(functionName);
    }

    @Override
    long handlerMillis() {
        return 400;
    }

    @Test
    void invokeWithLogs_handlerWritesToStdoutStderrLoggerAndAThread_capturesEachInvocationsOutputAndInitTime() {
        Path chatty = HandlerJars.build(jars, "chatty", Map.of(), "ChattyHandler");
        host.deploy(spec("chatty", "example.ChattyHandler", chatty, null, 0));

        InvocationDetails cold = host.invokeWithLogs("chatty", bytes("\"one\""));
        InvocationDetails warm = host.invokeWithLogs("chatty", bytes("\"two\""));

        assertThat(cold.result().succeeded()).as(cold.result().errorMessage()).isTrue();
        assertThat(cold.initDurationMs()).as("the constructor sleeps 200 ms").isGreaterThanOrEqualTo(200);
        assertThat(cold.logs()).contains("constructed", "stdout says one", "stderr says one", "logger says one",
                "child thread says one").doesNotContain("two");
        assertThat(warm.coldStart()).isFalse();
        assertThat(warm.logs()).contains("stdout says two", "stderr says two", "logger says two",
                "child thread says two").doesNotContain("one", "constructed");
    }
}
