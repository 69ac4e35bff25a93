package com.flightwatch.platform.lambda;

import com.flightwatch.platform.lambda.InstancePool.Lease;
import java.util.UUID;
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

    /** @throws FunctionNotFoundException when no function of that name is deployed */
    static <F, I> InvocationDetails invoke(String functionName, InvocationType type, Function<String, F> deployments,
                                           Function<F, InstancePool<I>> pools, Runner<F, I> runner) {
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
                    return runner.run(deployment, lease.instance(), requestId, start);
                }
                if (lease.outcome() == Lease.Outcome.THROTTLED) {
                    return new InvocationDetails(InvocationResults.throttled(requestId, functionName, pool.limit(),
                            type, start), "", -1, InvocationResults.millisSince(start));
                }
                // RETIRED: replaced while we asked; the new deployment takes the invocation.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new InvocationDetails(InvocationResults.interrupted(requestId, start), "", -1,
                    InvocationResults.millisSince(start));
        }
    }
}
