package com.flightwatch.platform.lambda;

import com.flightwatch.platform.stack.AwsIds;
import com.flightwatch.platform.stack.FunctionSpec;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs functions the way Lambda does ("process isolation"): each instance a JVM of its own running
 * Lambda's runtime interface client against the platform's {@link RuntimeApiServer}. Instances are
 * pooled per function ({@link InstancePool}): one invocation at a time each, warm ones reused, new
 * ones started up to the function's concurrency limit (at most one per core initializing at a time,
 * {@link ColdStarts}), idle ones stopped after the idle timeout. A
 * timed-out instance is killed; one that exits or runs out of memory ends its invocation
 * {@code CRASHED}; nothing a function does reaches the platform's JVM. Function processes halt when
 * the platform dies, even by SIGKILL.
 */
public final class ProcessInvoker implements FunctionHost {

    public static final int DEFAULT_MAX_INSTANCES_PER_FUNCTION = 10;
    /** Lambda's limit on the init phase of an on-demand function. */
    static final long INIT_TIMEOUT_MILLIS = 10_000;

    /**
     * How long an invocation waits for its cold instance. Lambda retries an init that overran its 10
     * seconds inside the invoke phase, bounded by the function's timeout ("suppressed init"); here the
     * same instance simply keeps its time. This matters on a small machine: a fan-out that starts ten
     * JVMs at once on two cores takes longer than 10 s to bring them all up, and killing them at 10 s
     * would only start the same herd again.
     */
    static long initBudgetMillis(FunctionSpec spec) {
        return INIT_TIMEOUT_MILLIS + TimeUnit.SECONDS.toMillis(spec.timeoutSeconds());
    }

    private static final Logger LOG = LoggerFactory.getLogger(ProcessInvoker.class);
    /** Completes an invocation the function did not answer in time; compared by identity. */
    private static final RuntimeOutcome TIMED_OUT = new RuntimeOutcome(InvocationStatus.TIMEOUT, null, "Sandbox.Timedout");

    private final String region;
    private final int maxConcurrency;
    private final RuntimeFiles runtimeFiles;
    private final RuntimeApiServer runtimeApi;
    private final ProcessLauncher launcher;
    private final Map<String, ProcessFunction> functions = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> instanceCounters = new ConcurrentHashMap<>();
    private final IdleReaper reaper;
    private final ColdStarts coldStarts = ColdStarts.onePerCore();

    /** @param vertx runs the Runtime API server; owned by the caller */
    public ProcessInvoker(Vertx vertx, String region, int maxConcurrency) {
        this(vertx, region, maxConcurrency, IdleReaper.DEFAULT_IDLE_TIMEOUT);
    }

    /**
     * @param vertx          runs the Runtime API server; owned by the caller
     * @param maxConcurrency instances per function at most, unless its spec reserves another figure
     * @param idleTimeout    how long a warm instance waits for work before it is stopped
     */
    public ProcessInvoker(Vertx vertx, String region, int maxConcurrency, Duration idleTimeout) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, not " + maxConcurrency);
        }
        this.region = region;
        this.maxConcurrency = maxConcurrency;
        this.runtimeFiles = new RuntimeFiles();
        try {
            this.runtimeApi = new RuntimeApiServer(vertx);
        } catch (RuntimeException e) {
            runtimeFiles.close();
            throw e;
        }
        this.launcher = new ProcessLauncher(runtimeFiles, runtimeApi, region);
        this.reaper = new IdleReaper(idleTimeout, () -> functions.values().stream().map(ProcessFunction::pool).toList());
    }

    /** The Runtime API's port on 127.0.0.1. */
    public int runtimeApiPort() {
        return runtimeApi.port();
    }

    /**
     * Deploys (or replaces) a function. Nothing of it runs until the first invocation, as on Lambda,
     * except its provisioned instances, which start now. A replaced function's running invocations
     * finish on its old code; its idle instances stop; new invocations run the new code.
     *
     * @throws FunctionCodeException when its code path does not exist
     */
    @Override
    public void deploy(FunctionSpec spec) {
        FunctionCodeException.requireCode(spec);
        ProcessFunction current = functions.get(spec.name());
        ConcurrencyLimit limit = ConcurrencyLimit.reuseOrNew(current == null ? null : current.pool().limit(),
                ConcurrencyLimit.of(spec, maxConcurrency));
        ProcessFunction deployed = new ProcessFunction(spec, AwsIds.functionArn(region, spec.name()), launcher, limit,
                coldStarts, instanceCounters.computeIfAbsent(spec.name(), name -> new AtomicLong()));
        ProcessFunction previous = functions.put(spec.name(), deployed);
        if (previous != null) {
            previous.retire();
        }
        deployed.pool().startProvisioned();
        LOG.debug("Deployed {} ({}) from {}", spec.name(), spec.handler(), spec.codePath());
    }

    /** @return whether a function of that name was deployed; its instances are killed */
    @Override
    public boolean undeploy(String functionName) {
        ProcessFunction removed = functions.remove(functionName);
        if (removed == null) {
            return false;
        }
        removed.close();
        return true;
    }

    @Override
    public Set<String> functionNames() {
        return Set.copyOf(functions.keySet());
    }

    @Override
    public Optional<FunctionSpec> function(String functionName) {
        return Optional.ofNullable(functions.get(functionName)).map(ProcessFunction::spec);
    }

    /** How many instances (warm or busy) a function's current deployment has now. */
    @Override
    public int instanceCount(String functionName) {
        ProcessFunction function = functions.get(functionName);
        return function == null ? 0 : function.instanceCount();
    }

    @Override
    public int concurrentExecutions(String functionName) {
        ProcessFunction function = functions.get(functionName);
        return function == null ? 0 : function.pool().limit().inUse();
    }

    /** The process ids of a function's instances, for operators and tests. */
    public List<Long> instancePids(String functionName) {
        ProcessFunction function = functions.get(functionName);
        return function == null ? List.of() : function.instancePids();
    }

    /**
     * Invokes and returns the logs, init duration and wait with the result. Beyond the function's
     * concurrency limit a synchronous call ends THROTTLED at once; an EVENT waits its turn.
     *
     * @throws FunctionNotFoundException when no function of that name is deployed
     */
    @Override
    public InvocationDetails invokeWithLogs(String functionName, byte[] eventJson, InvocationType type) {
        return PooledInvocation.invoke(functionName, type, functions::get, ProcessFunction::pool,
                (function, instance, requestId, start) -> invokeOn(function, instance, eventJson, requestId, start));
    }

    /**
     * Invokes without a blocked thread when a ready instance is free: the answer comes from the
     * Runtime API's {@code /response} or {@code /error} (or the timeout). A cold start waits for the
     * instance's init on {@code blockingWork}, and an EVENT waits for capacity there.
     */
    @Override
    public CompletableFuture<InvocationDetails> invokeAsync(String functionName, byte[] eventJson, InvocationType type,
                                                            Executor blockingWork) {
        if (type == InvocationType.EVENT) {
            return FunctionHost.super.invokeAsync(functionName, eventJson, type, blockingWork);
        }
        try {
            return PooledInvocation.invokeAsync(functionName, type, functions::get, ProcessFunction::pool,
                    (function, instance, requestId, start) -> instance.used()
                            ? runReady(function, instance, eventJson, requestId, start, -1)
                            : CompletableFuture.supplyAsync(
                                    () -> invokeOn(function, instance, eventJson, requestId, start), blockingWork));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private InvocationDetails invokeOn(ProcessFunction function, ProcessInstance instance, byte[] eventJson,
                                       String requestId, long start) {
        CompletableFuture<InvocationDetails> call;
        try {
            long initBudget = initBudgetMillis(function.spec());
            RuntimeOutcome initFailure = instance.used() ? null : instance.awaitReady(initBudget);
            if (initFailure != null) {
                long waitMillis = InvocationResults.millisSince(start);
                return settle(function, instance, ProcessOutcomes.initError(function.spec().name(), requestId,
                        initFailure, initBudget, start), -1, waitMillis);
            }
            call = runReady(function, instance, eventJson, requestId, start, instance.warm() ? -1 : instance.initMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            long waitMillis = InvocationResults.millisSince(start);
            return settle(function, instance, InvocationResults.interrupted(requestId, start), -1, waitMillis);
        }
        try {
            return call.get();
        } catch (InterruptedException e) {
            // The instance is settled when its invocation ends; this caller only stops waiting for it.
            Thread.currentThread().interrupt();
            return new InvocationDetails(InvocationResults.interrupted(requestId, start), "", -1,
                    InvocationResults.millisSince(start));
        } catch (ExecutionException e) {
            throw new IllegalStateException("Settling the invocation " + requestId + " failed", e.getCause());
        }
    }

    /**
     * Hands the event to a ready instance. The future completes on the thread that reports the
     * outcome (the Runtime API's event loop, the timeout's timer, the process's exit watcher), and
     * the instance is settled (released or discarded) before it does.
     */
    private CompletableFuture<InvocationDetails> runReady(ProcessFunction function, ProcessInstance instance,
                                                          byte[] eventJson, String requestId, long start,
                                                          long initMillis) {
        long waitMillis = InvocationResults.millisSince(start);
        long timeoutMillis = TimeUnit.SECONDS.toMillis(function.spec().timeoutSeconds());
        return instance.dispatch(new ProcessInstance.Dispatch(requestId, eventJson,
                        System.currentTimeMillis() + timeoutMillis, function.arn()))
                .completeOnTimeout(TIMED_OUT, timeoutMillis, TimeUnit.MILLISECONDS)
                .thenApply(outcome -> settle(function, instance, result(function, instance, outcome, requestId, start),
                        initMillis, waitMillis));
    }

    /** Takes the invocation's output, then returns the instance to the pool or, when it must not be reused, stops it. */
    private static InvocationDetails settle(ProcessFunction function, ProcessInstance instance, InvocationResult result,
                                            long initMillis, long waitMillis) {
        // The output is taken before the instance is settled: a discarded instance's output file goes with it.
        String logs = instance.takeOutput();
        if (result.status() == InvocationStatus.SUCCESS || result.status() == InvocationStatus.FUNCTION_ERROR) {
            function.pool().release(instance);
        } else {
            function.pool().discard(instance);
        }
        return new InvocationDetails(result, logs, initMillis, waitMillis);
    }

    private static InvocationResult result(ProcessFunction function, ProcessInstance instance, RuntimeOutcome outcome,
                                           String requestId, long start) {
        if (outcome == TIMED_OUT) {
            instance.kill();
            return InvocationResults.timedOut(requestId, function.spec().timeoutSeconds(), start);
        }
        return switch (outcome.status()) {
            case SUCCESS -> new InvocationResult(requestId, InvocationStatus.SUCCESS, outcome.payload(), null, null,
                    InvocationResults.millisSince(start));
            case FUNCTION_ERROR -> ProcessOutcomes.reported(requestId, outcome, start);
            case INIT_ERROR -> ProcessOutcomes.initError(function.spec().name(), requestId, outcome,
                    initBudgetMillis(function.spec()), start);
            default -> {
                int exitStatus = instance.exitValueOrMinusOne();
                try (InvocationMdc.Scope ignored = InvocationMdc.put(requestId)) { // on the thread that saw the exit
                    LOG.warn("An instance of function {} exited with status {} during an invocation",
                            function.spec().name(), exitStatus);
                }
                yield ProcessOutcomes.crashed(requestId, exitStatus, start);
            }
        };
    }

    /** Stops every function's processes and the Runtime API. */
    @Override
    public void close() {
        reaper.close();
        coldStarts.close();
        for (String name : Set.copyOf(functions.keySet())) {
            undeploy(name);
        }
        runtimeApi.close();
        runtimeFiles.close();
    }
}
