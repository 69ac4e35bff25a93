package com.flightwatch.platform.lambda;

import com.flightwatch.platform.lambda.ErrorDocuments.ErrorDocument;
import com.flightwatch.platform.stack.AwsIds;
import com.flightwatch.platform.stack.FunctionSpec;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs functions inside this JVM ("thread isolation"): one class loader per function, warm
 * instances reused one invocation at a time, a pool per function that grows on demand up to a
 * limit, Lambda's serialization, {@code Context} and error documents. An invocation that overruns
 * its timeout is abandoned: its thread is interrupted and its instance dropped.
 *
 * <p>All functions share the JVM's environment; {@link #deploy} adds each function's variables to
 * it and refuses functions that disagree on a value.
 */
public final class ThreadInvoker implements FunctionHost {

    public static final int DEFAULT_MAX_INSTANCES_PER_FUNCTION = 10;
    /** Lambda's limit on the init phase of an on-demand function. */
    static final long INIT_TIMEOUT_MILLIS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(ThreadInvoker.class);

    private final String region;
    private final int maxInstancesPerFunction;
    private final Map<String, DeployedFunction> functions = new ConcurrentHashMap<>();

    public ThreadInvoker() {
        this(AwsIds.DEFAULT_REGION, DEFAULT_MAX_INSTANCES_PER_FUNCTION);
    }

    /** @param region the region in the functions' ARNs */
    public ThreadInvoker(String region, int maxInstancesPerFunction) {
        if (maxInstancesPerFunction < 1) {
            throw new IllegalArgumentException("maxInstancesPerFunction must be at least 1");
        }
        this.region = region;
        this.maxInstancesPerFunction = maxInstancesPerFunction;
    }

    /**
     * Deploys (or replaces) a function. Nothing of it runs until the first invocation, as on Lambda.
     *
     * @throws FunctionCodeException        when its code path does not exist
     * @throws EnvironmentConflictException when another function needs a different value for one of its variables
     * @throws EnvironmentAccessException   when the JVM lacks the --add-opens that setting the environment needs
     */
    @Override
    public void deploy(FunctionSpec spec) {
        FunctionCodeException.requireCode(spec);
        SharedEnvironment.JVM.claim(this, spec.name(), spec.environment());
        DeployedFunction previous = functions.put(spec.name(), new DeployedFunction(spec, region, maxInstancesPerFunction));
        if (previous != null) {
            previous.close();
        }
        LOG.debug("Deployed {} ({}) from {}", spec.name(), spec.handler(), spec.codePath());
    }

    /** @return whether a function of that name was deployed */
    @Override
    public boolean undeploy(String functionName) {
        DeployedFunction removed = functions.remove(functionName);
        if (removed == null) {
            return false;
        }
        removed.close();
        SharedEnvironment.JVM.release(this, functionName);
        return true;
    }

    @Override
    public Set<String> functionNames() {
        return Set.copyOf(functions.keySet());
    }

    @Override
    public Optional<FunctionSpec> function(String functionName) {
        return Optional.ofNullable(functions.get(functionName)).map(DeployedFunction::spec);
    }

    @Override
    public InvocationResult invoke(String functionName, byte[] eventJson) {
        DeployedFunction function = functions.get(functionName);
        if (function == null) {
            throw new FunctionNotFoundException(functionName);
        }
        String requestId = UUID.randomUUID().toString();
        long start = System.nanoTime();
        FunctionInstance instance = function.acquire();
        if (instance == null) {
            return result(requestId, InvocationStatus.THROTTLED, ErrorDocuments.of("TooManyRequestsException",
                    "Rate Exceeded. " + functionName + " is running " + maxInstancesPerFunction + " invocations"), start);
        }
        if (!instance.initialized()) {
            InvocationResult initFailure = initialize(function, instance, requestId, start);
            if (initFailure != null) {
                return initFailure;
            }
        }
        return run(function, instance, eventJson, requestId, start);
    }

    /** @return null when the instance is ready, else the INIT_ERROR result */
    private InvocationResult initialize(DeployedFunction function, FunctionInstance instance, String requestId, long start) {
        Future<?> init = instance.init(function.spec().handler(), function.loader());
        try {
            init.get(INIT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            function.discard(instance, true);
            Throwable failure = e.getCause() instanceof HandlerInitException h ? h.reported() : e.getCause();
            // The type only: a message may carry configuration the log should not.
            LOG.warn("Init of function {} failed with {}", function.name(), failure.getClass().getName());
            LOG.debug("Init of function {} failed", function.name(), failure);
            return result(requestId, InvocationStatus.INIT_ERROR, ErrorDocuments.of(failure), start);
        } catch (TimeoutException e) {
            init.cancel(true);
            function.discard(instance, true);
            return result(requestId, InvocationStatus.INIT_ERROR, ErrorDocuments.of("Runtime.InitTimeout",
                    "Init of " + function.name() + " timed out after " + INIT_TIMEOUT_MILLIS / 1000 + " seconds"), start);
        } catch (InterruptedException e) {
            init.cancel(true);
            function.discard(instance, true);
            Thread.currentThread().interrupt();
            return interrupted(requestId, start);
        }
    }

    private InvocationResult run(DeployedFunction function, FunctionInstance instance, byte[] event, String requestId,
                                 long start) {
        long timeoutNanos = TimeUnit.SECONDS.toNanos(function.spec().timeoutSeconds());
        long deadline = System.nanoTime() + timeoutNanos;
        Future<byte[]> call = instance.invoke(event,
                new LambdaContext(requestId, function, instance.logStreamName(), deadline));
        try {
            byte[] payload = call.get(timeoutNanos, TimeUnit.NANOSECONDS);
            function.release(instance);
            return new InvocationResult(requestId, InvocationStatus.SUCCESS, payload, null, null, millisSince(start));
        } catch (ExecutionException e) {
            Throwable failure = e.getCause() instanceof FunctionInstance.FunctionThrowable t ? t.getCause() : e.getCause();
            if (failure instanceof VirtualMachineError) {
                function.discard(instance, false);
            } else {
                function.release(instance);
            }
            return result(requestId, InvocationStatus.FUNCTION_ERROR, ErrorDocuments.of(failure), start);
        } catch (TimeoutException e) {
            // A thread cannot be killed: interrupt it and never hand this instance out again.
            call.cancel(true);
            function.discard(instance, false);
            String message = String.format(Locale.ROOT, "RequestId: %s Error: Task timed out after %.2f seconds",
                    requestId, (double) function.spec().timeoutSeconds());
            return result(requestId, InvocationStatus.TIMEOUT, ErrorDocuments.of("Sandbox.Timedout", message), start);
        } catch (InterruptedException e) {
            call.cancel(true);
            function.discard(instance, false);
            Thread.currentThread().interrupt();
            return interrupted(requestId, start);
        }
    }

    private static InvocationResult interrupted(String requestId, long start) {
        return result(requestId, InvocationStatus.PLATFORM_ERROR,
                ErrorDocuments.of("PlatformInterrupted", "The platform stopped waiting for the invocation"), start);
    }

    private static InvocationResult result(String requestId, InvocationStatus status, ErrorDocument error, long start) {
        return new InvocationResult(requestId, status, error.json(), error.errorType(), error.errorMessage(),
                millisSince(start));
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Stops every function; invocations still running are interrupted when they end. */
    @Override
    public void close() {
        for (String name : Set.copyOf(functions.keySet())) {
            undeploy(name);
        }
    }
}
