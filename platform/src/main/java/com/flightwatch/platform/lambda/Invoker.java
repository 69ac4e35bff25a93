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

    /**
     * Invokes as Lambda's {@code type} does ({@link InvocationType#EVENT} waits for capacity instead of
     * being throttled) and names what caused it (a topic's message id, a schedule's rule, a gateway
     * request id) for the activation record. The caller still gets the result when the function ends.
     */
    default InvocationResult invoke(String functionName, byte[] eventJson, InvocationType type, String cause) {
        return invoke(functionName, eventJson);
    }
}
