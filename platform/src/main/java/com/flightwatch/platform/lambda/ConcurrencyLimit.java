package com.flightwatch.platform.lambda;

import com.flightwatch.platform.stack.FunctionSpec;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lambda's concurrency limit for one function: how many of its invocations run at once. A
 * synchronous invocation beyond it is throttled at once; an asynchronous one ({@link InvocationType#EVENT})
 * queues, first come first served, for at most {@link #MAX_EVENT_WAIT}. The limit outlives a
 * redeploy of the same function, so invocations finishing on the old code still count.
 */
final class ConcurrencyLimit {

    /**
     * How long an asynchronous invocation waits for a free slot before it ends THROTTLED. Lambda keeps
     * throttled events for up to six hours; a platform on one machine gives up sooner rather than pile them up.
     */
    static final Duration MAX_EVENT_WAIT = Duration.ofMinutes(15);

    private final int limit;
    private final Semaphore slots;

    ConcurrencyLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("A concurrency limit cannot be negative, not " + limit);
        }
        this.limit = limit;
        this.slots = new Semaphore(limit, true);
    }

    /** The function's reserved concurrency when it has one, else the platform's limit. */
    static int of(FunctionSpec spec, int platformLimit) {
        return spec.reservedConcurrency() != null ? spec.reservedConcurrency() : platformLimit;
    }

    /** The previous deployment's limit when its figure is unchanged, so running invocations keep counting. */
    static ConcurrencyLimit reuseOrNew(ConcurrencyLimit previous, int limit) {
        return previous != null && previous.limit == limit ? previous : new ConcurrencyLimit(limit);
    }

    int limit() {
        return limit;
    }

    /** How many invocations hold a slot now: Lambda's ConcurrentExecutions for this function. */
    int inUse() {
        return Math.max(0, limit - slots.availablePermits());
    }

    /** @return whether a slot was taken: at once for a synchronous invocation, after a FIFO wait for an event */
    boolean tryAcquire(InvocationType type) throws InterruptedException {
        if (type == InvocationType.EVENT && limit > 0) {
            return slots.tryAcquire(MAX_EVENT_WAIT.toNanos(), TimeUnit.NANOSECONDS);
        }
        return slots.tryAcquire();
    }

    void release() {
        slots.release();
    }
}
