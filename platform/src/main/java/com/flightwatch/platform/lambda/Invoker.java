package com.flightwatch.platform.lambda;

/**
 * Runs a function by name, the way Lambda's RequestResponse invoke does: the event goes in as
 * JSON bytes, the result (or the function's error) comes back. Implementations decide where the
 * function runs (a thread in this JVM, or a process of its own).
 */
public interface Invoker {

    /**
     * Invokes {@code functionName} synchronously.
     *
     * @throws FunctionNotFoundException when no function of that name is deployed
     */
    InvocationResult invoke(String functionName, byte[] eventJson);
}
