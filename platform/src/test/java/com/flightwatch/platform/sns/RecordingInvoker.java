package com.flightwatch.platform.sns;

import com.flightwatch.platform.lambda.InvocationResult;
import com.flightwatch.platform.lambda.InvocationStatus;
import com.flightwatch.platform.lambda.InvocationType;
import com.flightwatch.platform.lambda.Invoker;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The invoker at the edge of SNS in these tests: records every invocation, and succeeds unless the
 * function's name starts with {@code failing-}, or it was told to fail with {@link #failNext} or
 * {@link #breakFunction} (until {@link #fix}), in which case the function "throws".
 */
public final class RecordingInvoker implements Invoker {

    /** {@code type} and {@code cause} are null when the caller used the two-argument invoke. */
    public record Invocation(String functionName, String eventJson, long atNanos, InvocationType type, String cause) {
    }

    private final Map<String, BlockingQueue<Invocation>> invocations = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

    @Override
    public InvocationResult invoke(String functionName, byte[] eventJson) {
        return invoke(functionName, eventJson, null, null);
    }

    @Override
    public InvocationResult invoke(String functionName, byte[] eventJson, InvocationType type, String cause) {
        queue(functionName).add(new Invocation(functionName, new String(eventJson, StandardCharsets.UTF_8), System.nanoTime(),
                type, cause));
        String requestId = UUID.randomUUID().toString();
        if (functionName.startsWith("failing-") || takeFailure(functionName)) {
            byte[] error = "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}"
                    .getBytes(StandardCharsets.UTF_8);
            return new InvocationResult(requestId, InvocationStatus.FUNCTION_ERROR, error,
                    "java.lang.IllegalStateException", "boom", 1);
        }
        return new InvocationResult(requestId, InvocationStatus.SUCCESS, "null".getBytes(StandardCharsets.UTF_8), null, null, 1);
    }

    /** The next {@code times} invocations of {@code functionName} fail. */
    public void failNext(String functionName, int times) {
        failuresLeft.put(functionName, new AtomicInteger(times));
    }

    /** Every invocation of {@code functionName} fails until {@link #fix}. */
    public void breakFunction(String functionName) {
        failNext(functionName, Integer.MAX_VALUE);
    }

    public void fix(String functionName) {
        failuresLeft.remove(functionName);
    }

    /** The next invocation of {@code functionName}, waiting up to {@code seconds}; null if none came. */
    public Invocation next(String functionName, long seconds) throws InterruptedException {
        return queue(functionName).poll(seconds, TimeUnit.SECONDS);
    }

    /** Invocations of {@code functionName} received and not yet taken by {@link #next}. */
    public int waiting(String functionName) {
        return queue(functionName).size();
    }

    private boolean takeFailure(String functionName) {
        AtomicInteger left = failuresLeft.get(functionName);
        return left != null && left.getAndUpdate(n -> Math.max(n - 1, 0)) > 0;
    }

    private BlockingQueue<Invocation> queue(String functionName) {
        return invocations.computeIfAbsent(functionName, name -> new LinkedBlockingQueue<>());
    }
}
