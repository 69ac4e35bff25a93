package com.flightwatch.platform.lambda;

import com.flightwatch.platform.lambda.InstancePool.Lease;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The start of every invocation, in either isolation: find the function's current deployment,
 * lease an instance from its pool (throttled, or queued for an EVENT, at the concurrency limit; the
 * first one free when all are busy), and ask again when a redeploy retired the pool meanwhile, so
 * a redeploy fails no invocation.
 */
final class PooledInvocation {

    /** Runs the invocation on the leased instance; the runner releases or discards it. */
    interface Runner<F, I> {
        InvocationDetails run(F deployment, I instance, String requestId, long startNanos);
    }

    private PooledInvocation() {
    }

    /** Runs the invocation on the leased instance without waiting for its end; the runner releases or discards it. */
    interface AsyncRunner<F, I> {
        CompletableFuture<InvocationDetails> run(F deployment, I instance, String requestId, long startNanos);
    }

    /**
     * Leases on the caller's thread and runs the invocation, waiting (blocked) for a free instance
     * when every one is busy, and for a slot when {@code type} is EVENT.
     *
     * @throws FunctionNotFoundException when no function of that name is deployed
     */
    static <F, I> InvocationDetails invoke(String functionName, InvocationType type, Function<String, F> deployments,
                                           Function<F, InstancePool<I>> pools, Runner<F, I> runner) {
        String requestId = UUID.randomUUID().toString();
        long start = System.nanoTime();
        try {
            while (true) {
                F deployment = deployment(functionName, deployments);
                InstancePool<I> pool = pools.apply(deployment);
                Lease<I> lease = pool.lease(type);
                if (lease.outcome() == Lease.Outcome.LEASED) {
                    try (InvocationMdc.Scope ignored = InvocationMdc.put(requestId)) {
                        return runner.run(deployment, lease.instance(), requestId, start);
                    }
                }
                if (lease.outcome() == Lease.Outcome.THROTTLED) {
                    return throttled(functionName, type, pool, requestId, start);
                }
                // RETIRED: replaced while we asked; the new deployment takes the invocation.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new InvocationDetails(InvocationResults.interrupted(requestId, start), "", -1,
                    InvocationResults.millisSince(start));
        }
    }

    /**
     * As {@link #invoke}, for a synchronous invocation and a runner that answers later: no thread
     * waits for a free instance; the runner runs on the thread that frees one.
     *
     * @throws FunctionNotFoundException when no function of that name is deployed
     */
    static <F, I> CompletableFuture<InvocationDetails> invokeAsync(String functionName, InvocationType type,
                                                                   Function<String, F> deployments,
                                                                   Function<F, InstancePool<I>> pools,
                                                                   AsyncRunner<F, I> runner) {
        return invokeAsync(functionName, type, deployments, pools, runner, UUID.randomUUID().toString(),
                System.nanoTime());
    }

    private static <F, I> CompletableFuture<InvocationDetails> invokeAsync(
            String functionName, InvocationType type, Function<String, F> deployments,
            Function<F, InstancePool<I>> pools, AsyncRunner<F, I> runner, String requestId, long start) {
        F deployment = deployment(functionName, deployments);
        InstancePool<I> pool = pools.apply(deployment);
        return pool.leaseLater(type).thenCompose(lease -> switch (lease.outcome()) {
            case LEASED -> {
                try (InvocationMdc.Scope ignored = InvocationMdc.put(requestId)) {
                    yield runner.run(deployment, lease.instance(), requestId, start);
                }
            }
            case THROTTLED -> CompletableFuture.completedFuture(throttled(functionName, type, pool, requestId, start));
            // Replaced while we asked; the new deployment takes the invocation.
            case RETIRED -> invokeAsync(functionName, type, deployments, pools, runner, requestId, start);
        });
    }

    private static <F> F deployment(String functionName, Function<String, F> deployments) {
        F deployment = deployments.apply(functionName);
        if (deployment == null) {
            throw new FunctionNotFoundException(functionName);
        }
        return deployment;
    }

    private static InvocationDetails throttled(String functionName, InvocationType type, InstancePool<?> pool,
                                               String requestId, long start) {
        return new InvocationDetails(InvocationResults.throttled(requestId, functionName, pool.limit(), type, start),
                "", -1, InvocationResults.millisSince(start));
    }
}
