package com.flightwatch.platform.lambda;

import com.flightwatch.platform.lambda.InstancePool.Lease;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The start of every invocation, in either isolation: find the function's current deployment,
 * lease an instance from its pool (throttled, or queued for an EVENT, at the concurrency limit), and
 * ask again when a redeploy retired the pool meanwhile, so a redeploy fails no invocation.
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

    /** @throws FunctionNotFoundException when no function of that name is deployed */
    static <F, I> InvocationDetails invoke(String functionName, InvocationType type, Function<String, F> deployments,
                                           Function<F, InstancePool<I>> pools, Runner<F, I> runner) {
        return lease(functionName, type, deployments, pools, runner::run, details -> details);
    }

    /**
     * As {@link #invoke}, for a runner that answers later. The lease happens on the caller's thread: a
     * synchronous lease never waits (it is throttled instead), though it starts a process when no warm
     * instance is free.
     *
     * @throws FunctionNotFoundException when no function of that name is deployed
     */
    static <F, I> CompletableFuture<InvocationDetails> invokeAsync(String functionName, InvocationType type,
                                                                   Function<String, F> deployments,
                                                                   Function<F, InstancePool<I>> pools,
                                                                   AsyncRunner<F, I> runner) {
        return lease(functionName, type, deployments, pools, runner::run, CompletableFuture::completedFuture);
    }

    private interface LeasedRun<F, I, R> {
        R run(F deployment, I instance, String requestId, long startNanos);
    }

    private static <F, I, R> R lease(String functionName, InvocationType type, Function<String, F> deployments,
                                     Function<F, InstancePool<I>> pools, LeasedRun<F, I, R> runner,
                                     Function<InvocationDetails, R> unleased) {
        String requestId = UUID.randomUUID().toString();
        long start = System.nanoTime();
        try {
            while (true) {
                F deployment = deployments.apply(functionName);
                if (deployment == null) {
                    throw new FunctionNotFoundException(functionName);
                }
                InstancePool<I> pool = pools.apply(deployment);
                Lease<I> lease = pool.lease(type);
                if (lease.outcome() == Lease.Outcome.LEASED) {
                    try (InvocationMdc.Scope ignored = InvocationMdc.put(requestId)) {
                        return runner.run(deployment, lease.instance(), requestId, start);
                    }
                }
                if (lease.outcome() == Lease.Outcome.THROTTLED) {
                    return unleased.apply(new InvocationDetails(InvocationResults.throttled(requestId, functionName,
                            pool.limit(), type, start), "", -1, InvocationResults.millisSince(start)));
                }
                // RETIRED: replaced while we asked; the new deployment takes the invocation.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unleased.apply(new InvocationDetails(InvocationResults.interrupted(requestId, start), "", -1,
                    InvocationResults.millisSince(start)));
        }
    }
}
