package com.flightwatch.platform.gateway;

import com.flightwatch.platform.lambda.FunctionNotFoundException;
import com.flightwatch.platform.lambda.InvocationResult;
import com.flightwatch.platform.lambda.InvocationStatus;
import com.flightwatch.platform.lambda.Invoker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The function boundary for gateway tests: each function answers as the test scripts it, and
 * every event the gateway sends is recorded as JSON text.
 */
final class ScriptedInvoker implements Invoker {

    record Call(String functionName, String event) {
    }

    private final Map<String, Function<String, InvocationResult>> functions = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    ScriptedInvoker on(String functionName, Function<String, InvocationResult> behaviour) {
        functions.put(functionName, behaviour);
        return this;
    }

    /** The function is no longer deployed. */
    ScriptedInvoker forget(String functionName) {
        functions.remove(functionName);
        return this;
    }

    /** The function answers with this proxy response document. */
    ScriptedInvoker answering(String functionName, String proxyResponseJson) {
        return on(functionName, event -> success(proxyResponseJson));
    }

    @Override
    public InvocationResult invoke(String functionName, byte[] eventJson) {
        String event = new String(eventJson, StandardCharsets.UTF_8);
        calls.add(new Call(functionName, event));
        Function<String, InvocationResult> function = functions.get(functionName);
        if (function == null) {
            throw new FunctionNotFoundException(functionName);
        }
        return function.apply(event);
    }

    List<Call> calls() {
        return calls;
    }

    Call lastCall() {
        return calls.get(calls.size() - 1);
    }

    void reset() {
        calls.clear();
    }

    static InvocationResult success(String payload) {
        return new InvocationResult(UUID.randomUUID().toString(), InvocationStatus.SUCCESS,
                payload.getBytes(StandardCharsets.UTF_8), null, null, 1);
    }

    static InvocationResult failed(InvocationStatus status) {
        String document = "{\"errorMessage\":\"secret detail\",\"errorType\":\"java.lang.IllegalStateException\"}";
        return new InvocationResult(UUID.randomUUID().toString(), status, document.getBytes(StandardCharsets.UTF_8),
                "java.lang.IllegalStateException", "secret detail", 1);
    }
}
