package com.flightwatch.platform.lambda;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The instances of one deployed function, whatever runs them (threads or processes): warm ones
 * waiting for work, most recently used first, as Lambda reuses them; new ones started on demand
 * within the function's {@link ConcurrencyLimit}; idle ones stopped after the idle timeout, except
 * the provisioned ones. Each instance runs one invocation at a time: it is leased, then released
 * (warm again) or discarded (stopped).
 *
 * <p>Retiring a pool (a redeploy) stops its idle instances at once and its busy ones when their
 * invocation ends, so no running invocation fails; a lease on a retired pool answers
 * {@link Lease.Outcome#RETIRED} and the invoker asks the function's new pool.
 */
final class InstancePool<I> {

    /** How the pool starts, checks and stops its instances. */
    interface Lifecycle<I> {
        /** @param provisioned started ahead of demand, as Lambda's provisioned concurrency */
        I start(boolean provisioned);

        boolean healthy(I instance);

        void stop(I instance);
    }

    /** A lease's answer: an instance, or why there is none. */
    record Lease<I>(Outcome outcome, I instance) {
        enum Outcome { LEASED, THROTTLED, RETIRED }
    }

    private record Idle<I>(I instance, long sinceNanos) {
    }

    private final ConcurrencyLimit limit;
    private final Lifecycle<I> lifecycle;
    private final int provisioned;
    private final Runnable whenDrained;
    private final Deque<Idle<I>> idle = new ArrayDeque<>();
    private final Set<I> all = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean retired;
    private boolean drained;

    /** @param whenDrained runs once, when the pool is retired and its last instance stopped */
    InstancePool(ConcurrencyLimit limit, int provisioned, Lifecycle<I> lifecycle, Runnable whenDrained) {
        this.limit = limit;
        this.provisioned = provisioned;
        this.lifecycle = lifecycle;
        this.whenDrained = whenDrained;
    }

    ConcurrencyLimit limit() {
        return limit;
    }

    /** Starts the provisioned instances and keeps them warm. */
    void startProvisioned() {
        for (int i = 0; i < provisioned; i++) {
            I instance = lifecycle.start(true);
            synchronized (this) {
                if (!retired) {
                    all.add(instance);
                    idle.addLast(new Idle<>(instance, System.nanoTime()));
                    continue;
                }
            }
            lifecycle.stop(instance);
            return;
        }
    }

    /** A warm instance, else a new one; waits for a slot when {@code type} is EVENT. */
    Lease<I> lease(InvocationType type) throws InterruptedException {
        if (isRetired()) {
            return new Lease<>(Lease.Outcome.RETIRED, null);
        }
        if (!limit.tryAcquire(type)) {
            return new Lease<>(Lease.Outcome.THROTTLED, null);
        }
        List<I> dead = new ArrayList<>();
        try {
            synchronized (this) {
                if (retired) {
                    limit.release();
                    return new Lease<>(Lease.Outcome.RETIRED, null);
                }
                Idle<I> warm;
                while ((warm = idle.pollFirst()) != null) {
                    if (lifecycle.healthy(warm.instance())) {
                        return new Lease<>(Lease.Outcome.LEASED, warm.instance());
                    }
                    all.remove(warm.instance());
                    dead.add(warm.instance());
                }
            }
        } finally {
            dead.forEach(lifecycle::stop);
        }
        return startOnDemand();
    }

    private Lease<I> startOnDemand() {
        I instance;
        try {
            instance = lifecycle.start(false);
        } catch (RuntimeException | Error e) {
            limit.release();
            throw e;
        }
        synchronized (this) {
            if (!retired) {
                all.add(instance);
                return new Lease<>(Lease.Outcome.LEASED, instance);
            }
        }
        lifecycle.stop(instance);
        limit.release();
        return new Lease<>(Lease.Outcome.RETIRED, null);
    }

    /** Returns a leased instance to the warm pool; a retired pool stops it instead. */
    void release(I instance) {
        boolean stop;
        synchronized (this) {
            stop = retired || !all.contains(instance);
            if (stop) {
                all.remove(instance);
            } else {
                idle.addFirst(new Idle<>(instance, System.nanoTime()));
            }
        }
        if (stop) {
            lifecycle.stop(instance);
        }
        limit.release();
        runIfDrained();
    }

    /**
     * Stops a leased instance that must not be reused (timed out, crashed, failed to init).
     *
     * @return how many instances the pool has left
     */
    int discard(I instance) {
        int left;
        synchronized (this) {
            all.remove(instance);
            left = all.size();
        }
        lifecycle.stop(instance);
        limit.release();
        runIfDrained();
        return left;
    }

    /** Stops idle instances unused for {@code idleTimeout}, oldest first, keeping the provisioned number. */
    int reapIdle(Duration idleTimeout) {
        List<I> reaped = new ArrayList<>();
        synchronized (this) {
            long now = System.nanoTime();
            int removable = all.size() - provisioned;
            while (removable > 0 && !idle.isEmpty() && now - idle.peekLast().sinceNanos() >= idleTimeout.toNanos()) {
                I instance = idle.pollLast().instance();
                all.remove(instance);
                reaped.add(instance);
                removable--;
            }
        }
        reaped.forEach(lifecycle::stop);
        return reaped.size();
    }

    /** Stops the idle instances now and the busy ones when their invocation ends. */
    void retire() {
        List<I> stopping = new ArrayList<>();
        synchronized (this) {
            retired = true;
            idle.forEach(entry -> stopping.add(entry.instance()));
            idle.clear();
            stopping.forEach(all::remove);
        }
        stopping.forEach(lifecycle::stop);
        runIfDrained();
    }

    /** Retires the pool and hands back every instance, busy ones included, for the caller to stop now. */
    List<I> retireAll() {
        List<I> everything;
        synchronized (this) {
            retired = true;
            everything = List.copyOf(all);
            all.clear();
            idle.clear();
        }
        runIfDrained();
        return everything;
    }

    synchronized List<I> instances() {
        return List.copyOf(all);
    }

    synchronized int size() {
        return all.size();
    }

    private synchronized boolean isRetired() {
        return retired;
    }

    private void runIfDrained() {
        synchronized (this) {
            if (!retired || !all.isEmpty() || drained) {
                return;
            }
            drained = true;
        }
        whenDrained.run();
    }
}
