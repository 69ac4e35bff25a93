package com.flightwatch.platform.lambda;

import com.flightwatch.platform.stack.AwsIds;
import com.flightwatch.platform.stack.FunctionSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs functions inside this JVM ("thread isolation"): one class loader per deployment, instances
 * pooled per function ({@link InstancePool}) as in process isolation, Lambda's serialization,
 * {@code Context} and error documents, each invocation's stdout, stderr and logger output captured.
 * An invocation that overruns its timeout is abandoned: its thread is interrupted and its instance dropped.
 *
 * <p>All functions share the JVM's environment; {@link #deploy} adds each function's variables to
 * it and refuses functions that disagree on a value.
 */
public final class ThreadInvoker implements FunctionHost {

    public static final int DEFAULT_MAX_INSTANCES_PER_FUNCTION = 10;
    /** Lambda's limit on the init phase of an on-demand function. */
    static final long INIT_TIMEOUT_MILLIS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(ThreadInvoker.class);
    /** A thread instance is ready when created and initializes in its first invocation: nothing to queue. */
    private static final ColdStarts COLD_STARTS = ColdStarts.immediate();

    private final String region;
    private final int maxConcurrency;
    private final Map<String, DeployedFunction> functions = new ConcurrentHashMap<>();
    private final IdleReaper reaper;

    public ThreadInvoker() {
        this(AwsIds.DEFAULT_REGION, DEFAULT_MAX_INSTANCES_PER_FUNCTION);
    }

    /** @param region the region in the functions' ARNs */
    public ThreadInvoker(String region, int maxConcurrency) {
        this(region, maxConcurrency, IdleReaper.DEFAULT_IDLE_TIMEOUT);
    }

    /**
     * @param maxConcurrency instances per function at most, unless its spec reserves another figure
     * @param idleTimeout    how long a warm instance waits for work before it is stopped
     */
    public ThreadInvoker(String region, int maxConcurrency, Duration idleTimeout) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, not " + maxConcurrency);
        }
        this.region = region;
        this.maxConcurrency = maxConcurrency;
        this.reaper = new IdleReaper(idleTimeout, () -> functions.values().stream().map(DeployedFunction::pool).toList());
        ThreadOutputRouter.install();
    }

    /**
     * Deploys (or replaces) a function. Nothing of it runs until the first invocation, as on Lambda,
     * except its provisioned instances, which initialize now. A replaced function's running
     * invocations finish on its old code; new invocations run the new code.
     *
     * @throws FunctionCodeException        when its code path does not exist
     * @throws EnvironmentConflictException when another function needs a different value for one of its variables
     * @throws EnvironmentAccessException   when the JVM lacks the --add-opens that setting the environment needs
     */
    @Override
    public void deploy(FunctionSpec spec) {
        FunctionCodeException.requireCode(spec);
        SharedEnvironment.JVM.claim(this, spec.name(), spec.environment());
        DeployedFunction current = functions.get(spec.name());
        ConcurrencyLimit limit = ConcurrencyLimit.reuseOrNew(current == null ? null : current.pool().limit(),
                ConcurrencyLimit.of(spec, maxConcurrency));
        DeployedFunction deployed = new DeployedFunction(spec, region, limit, COLD_STARTS);
        DeployedFunction previous = functions.put(spec.name(), deployed);
        if (previous != null) {
            previous.close();
        }
        deployed.pool().startProvisioned();
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

    /** How many instances (warm or busy) a function's current deployment has now. */
    @Override
    public int instanceCount(String functionName) {
        DeployedFunction function = functions.get(functionName);
        return function == null ? 0 : function.pool().size();
    }

    @Override
    public int concurrentExecutions(String functionName) {
        DeployedFunction function = functions.get(functionName);
        return function == null ? 0 : function.pool().limit().inUse();
    }

    /**
     * Invokes and returns the captured output, init duration and wait with the result. Beyond the
     * function's concurrency limit a synchronous call ends THROTTLED at once; an EVENT waits its turn.
     *
     * @throws FunctionNotFoundException when no function of that name is deployed
     */
    @Override
    public InvocationDetails invokeWithLogs(String functionName, byte[] eventJson, InvocationType type) {
        ThreadOutputRouter.install();
        return PooledInvocation.invoke(functionName, type, functions::get, DeployedFunction::pool,
                (function, instance, requestId, start) -> invokeOn(function, instance, eventJson, requestId, start));
    }

    private InvocationDetails invokeOn(DeployedFunction function, FunctionInstance instance, byte[] event,
                                       String requestId, long start) {
        OutputBuffer output = new OutputBuffer(DeployedFunction.MAX_CAPTURED_OUTPUT);
        boolean cold = !instance.initStarted();
        InvocationResult initFailure = initialize(function, instance, output, requestId, start);
        long waitMillis = InvocationResults.millisSince(start);
        if (initFailure != null) {
            return new InvocationDetails(initFailure, output.take(), cold ? instance.initMillis() : -1, waitMillis);
        }
        InvocationResult result = run(function, instance, event, output, requestId, start);
        return new InvocationDetails(result, output.take(), cold ? instance.initMillis() : -1, waitMillis);
    }

    /** @return null when the instance is ready, else the INIT_ERROR result */
    private InvocationResult initialize(DeployedFunction function, FunctionInstance instance, OutputBuffer output,
                                        String requestId, long start) {
        Future<?> init = instance.initialize(function.spec().handler(), output);
        try {
            init.get(INIT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            function.discardAfterInitFailure(instance);
            Throwable failure = e.getCause() instanceof HandlerInitException h ? h.reported() : e.getCause();
            // The type only: a message may carry configuration the log should not.
            LOG.warn("Init of function {} failed with {}", function.name(), failure.getClass().getName());
            LOG.debug("Init of function {} failed", function.name(), failure);
            return InvocationResults.of(requestId, InvocationStatus.INIT_ERROR, ErrorDocuments.of(failure), start);
        } catch (TimeoutException e) {
            init.cancel(true);
            function.discardAfterInitFailure(instance);
            return InvocationResults.of(requestId, InvocationStatus.INIT_ERROR, ErrorDocuments.of("Runtime.InitTimeout",
                    "Init of " + function.name() + " timed out after " + INIT_TIMEOUT_MILLIS / 1000 + " seconds"), start);
        } catch (InterruptedException e) {
            init.cancel(true);
            function.discardAfterInitFailure(instance);
            Thread.currentThread().interrupt();
            return InvocationResults.interrupted(requestId, start);
        }
    }

    private InvocationResult run(DeployedFunction function, FunctionInstance instance, byte[] event,
                                 OutputBuffer output, String requestId, long start) {
        long timeoutNanos = TimeUnit.SECONDS.toNanos(function.spec().timeoutSeconds());
        long deadline = System.nanoTime() + timeoutNanos;
        Future<byte[]> call = instance.invoke(event,
                new LambdaContext(requestId, function, instance.logStreamName(), deadline, output), output);
        try {
            byte[] payload = call.get(timeoutNanos, TimeUnit.NANOSECONDS);
            function.pool().release(instance);
            return new InvocationResult(requestId, InvocationStatus.SUCCESS, payload, null, null,
                    InvocationResults.millisSince(start));
        } catch (ExecutionException e) {
            Throwable failure = e.getCause() instanceof FunctionInstance.FunctionThrowable t ? t.getCause() : e.getCause();
            if (failure instanceof VirtualMachineError) {
                function.pool().discard(instance);
            } else {
                function.pool().release(instance);
            }
            return InvocationResults.of(requestId, InvocationStatus.FUNCTION_ERROR, ErrorDocuments.of(failure), start);
        } catch (TimeoutException e) {
            // A thread cannot be killed: interrupt it and never hand this instance out again.
            call.cancel(true);
            function.pool().discard(instance);
            return InvocationResults.timedOut(requestId, function.spec().timeoutSeconds(), start);
        } catch (InterruptedException e) {
            call.cancel(true);
            function.pool().discard(instance);
            Thread.currentThread().interrupt();
            return InvocationResults.interrupted(requestId, start);
        }
    }

    /** Stops every function; invocations still running are interrupted when they end. */
    @Override
    public void close() {
        reaper.close();
        for (String name : Set.copyOf(functions.keySet())) {
            undeploy(name);
        }
    }
}
