package com.flightwatch.platform.lambda;

import com.flightwatch.platform.stack.FunctionSpec;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * An {@link Invoker} that functions are deployed to: in this JVM ({@link ThreadInvoker}) or a
 * process per instance ({@link ProcessInvoker}). The platform's wiring picks one by
 * {@link Isolation}.
 */
public interface FunctionHost extends Invoker, AutoCloseable {

    /** Deploys (or replaces) a function; nothing of it runs until its first invocation. */
    void deploy(FunctionSpec spec);

    /** @return whether a function of that name was deployed */
    boolean undeploy(String functionName);

    Set<String> functionNames();

    /** The deployed function of that name, as it runs now. */
    Optional<FunctionSpec> function(String functionName);

    /**
     * Invokes and returns the result with the function's output, init duration and wait. Beyond the
     * function's concurrency limit a synchronous call ends THROTTLED at once; an EVENT waits its turn.
     *
     * @throws FunctionNotFoundException when no function of that name is deployed
     */
    InvocationDetails invokeWithLogs(String functionName, byte[] eventJson, InvocationType type);

    /** A synchronous (RequestResponse) {@link #invokeWithLogs(String, byte[], InvocationType)}. */
    default InvocationDetails invokeWithLogs(String functionName, byte[] eventJson) {
        return invokeWithLogs(functionName, eventJson, InvocationType.REQUEST_RESPONSE);
    }

    @Override
    default InvocationResult invoke(String functionName, byte[] eventJson) {
        return invokeWithLogs(functionName, eventJson).result();
    }

    /**
     * Invokes as {@link #invokeWithLogs(String, byte[], InvocationType)} does, without holding the caller's
     * thread: a caller on an event loop gets the details when the function answers. This default runs the
     * blocking invoke on {@code blockingWork}; a host that can answer without a blocked thread overrides it
     * and uses {@code blockingWork} only for what must wait (a cold start, an EVENT waiting for capacity).
     * A function that is not deployed completes the future with {@link FunctionNotFoundException}.
     */
    default CompletableFuture<InvocationDetails> invokeAsync(String functionName, byte[] eventJson,
                                                             InvocationType type, Executor blockingWork) {
        return CompletableFuture.supplyAsync(() -> invokeWithLogs(functionName, eventJson, type), blockingWork);
    }

    /** How many instances (warm or busy) of the function run now; 0 when it is not deployed. */
    default int instanceCount(String functionName) {
        return 0;
    }

    /** How many invocations of the function hold one of its concurrency slots now; 0 when it is not deployed. */
    default int concurrentExecutions(String functionName) {
        return 0;
    }

    /** Stops every function. */
    @Override
    void close();
}
