package com.flightwatch.platform.lambda;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * The instances of one deployed function, whatever runs them (threads or processes): warm ones
 * waiting for work, most recently used first, as Lambda reuses them; new ones started on demand
 * within the function's {@link ConcurrencyLimit}; idle ones stopped after the idle timeout, except
 * the provisioned ones. Each instance runs one invocation at a time: it is leased, then released
 * (warm again) or discarded (stopped).
 *
 * <p>An invocation that finds no warm instance holds its concurrency slot and waits for the first
 * instance to be free: one released by another invocation or a new one, whichever comes first. A
 * new one is asked of the host's {@link ColdStarts}, which lets only a few initialize at once, when
 * no instance is busy, or when the invocation has waited {@link ColdStarts#patience} for a busy one
 * in vain; it goes to the invocation that has waited longest, and only once it has initialized (or
 * failed to, which that invocation then reports). Most waits end with a release a few milliseconds
 * later: an overlap of two requests does not cost a JVM.
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

        /** Completes when the instance has initialized, well or not; within its init budget at the latest. */
        CompletionStage<?> initialized(I instance);

        boolean healthy(I instance);

        void stop(I instance);
    }

    /** A lease's answer: an instance, or why there is none. */
    record Lease<I>(Outcome outcome, I instance) {
        enum Outcome { LEASED, THROTTLED, RETIRED }
    }

    private record Idle<I>(I instance, long sinceNanos) {
    }

    /** An invocation waiting for an instance; it wants a new one from {@code overdueNanos} on. */
    private record Waiter<I>(CompletableFuture<Lease<I>> lease, long overdueNanos) {
    }

    private final ConcurrencyLimit limit;
    private final Lifecycle<I> lifecycle;
    private final ColdStarts coldStarts;
    private final int provisioned;
    private final Runnable whenDrained;
    private final Deque<Idle<I>> idle = new ArrayDeque<>();
    private final Deque<Waiter<I>> waiting = new ArrayDeque<>();
    private final Set<I> all = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Starts asked of {@link #coldStarts} that have not had their turn yet. */
    private int startsQueued;
    /** Instances started on demand that have not finished initializing. */
    private int initializing;
    private boolean retired;
    private boolean drained;

    /** @param whenDrained runs once, when the pool is retired and its last instance stopped */
    InstancePool(ConcurrencyLimit limit, int provisioned, ColdStarts coldStarts, Lifecycle<I> lifecycle,
                 Runnable whenDrained) {
        this.limit = limit;
        this.provisioned = provisioned;
        this.coldStarts = coldStarts;
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

    /**
     * A warm instance, else the first one free. Blocks the caller until then, and for a slot when
     * {@code type} is EVENT.
     */
    Lease<I> lease(InvocationType type) throws InterruptedException {
        CompletableFuture<Lease<I>> lease = request(type);
        try {
            return lease.get();
        } catch (InterruptedException e) {
            abandon(lease);
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("Starting an instance failed", e.getCause());
        }
    }

    /**
     * As {@link #lease}, answered later instead of blocking, for a caller on an event loop: only a
     * synchronous invocation (throttled at once at the limit) may ask this way.
     */
    CompletableFuture<Lease<I>> leaseLater(InvocationType type) {
        if (type == InvocationType.EVENT) {
            throw new IllegalArgumentException("An EVENT waits for a slot: lease it on a thread that may block");
        }
        try {
            return request(type);
        } catch (InterruptedException e) {
            throw new IllegalStateException("A synchronous lease never waits for a slot", e);
        }
    }

    private CompletableFuture<Lease<I>> request(InvocationType type) throws InterruptedException {
        if (isRetired()) {
            return CompletableFuture.completedFuture(new Lease<>(Lease.Outcome.RETIRED, null));
        }
        if (!limit.tryAcquire(type)) {
            return CompletableFuture.completedFuture(new Lease<>(Lease.Outcome.THROTTLED, null));
        }
        List<I> dead = new ArrayList<>();
        CompletableFuture<Lease<I>> waiter = new CompletableFuture<>();
        try {
            synchronized (this) {
                if (retired) {
                    limit.release();
                    return CompletableFuture.completedFuture(new Lease<>(Lease.Outcome.RETIRED, null));
                }
                Idle<I> warm;
                while ((warm = idle.pollFirst()) != null) {
                    if (lifecycle.healthy(warm.instance())) {
                        return CompletableFuture.completedFuture(new Lease<>(Lease.Outcome.LEASED, warm.instance()));
                    }
                    all.remove(warm.instance());
                    dead.add(warm.instance());
                }
                waiting.addLast(new Waiter<>(waiter, System.nanoTime() + coldStarts.patience(type).toNanos()));
            }
        } finally {
            dead.forEach(lifecycle::stop);
        }
        askForStartIfShort();
        coldStarts.afterPatience(type, this::askForStartIfShort);
        return waiter;
    }

    /** Asks for a new instance when more invocations want one than are coming for them. */
    private void askForStartIfShort() {
        boolean startNeeded;
        synchronized (this) {
            startNeeded = queueStartIfShort();
        }
        if (startNeeded) {
            coldStarts.request(this::startIfStillNeeded);
        }
    }

    /** Whether more invocations want a new instance than are coming for them; if so, counts the start to ask for. */
    private boolean queueStartIfShort() {
        if (!retired && startsWanted() > initializing + startsQueued) {
            startsQueued++;
            return true;
        }
        return false;
    }

    /**
     * How many waiting invocations want a new instance: all of them when no instance is busy (none
     * will free up), else those that have waited their {@link ColdStarts#patience} in vain.
     */
    private int startsWanted() {
        int busy = all.size() - idle.size() - initializing;
        if (busy <= 0) {
            return waiting.size();
        }
        long now = System.nanoTime();
        int wanted = 0;
        for (Waiter<I> waiter : waiting) {
            if (now - waiter.overdueNanos() >= 0) {
                wanted++;
            }
        }
        return wanted;
    }

    /** A start's turn has come: starts an instance when an invocation still waits without one coming. */
    private CompletionStage<?> startIfStillNeeded() {
        synchronized (this) {
            startsQueued--;
            if (retired || startsWanted() <= initializing) {
                return null;
            }
            initializing++;
        }
        I instance;
        try {
            instance = lifecycle.start(false);
        } catch (RuntimeException | Error e) {
            failOneWaiter(e);
            return null;
        }
        boolean stop;
        synchronized (this) {
            stop = retired;
            if (stop) {
                initializing--;
            } else {
                all.add(instance);
            }
        }
        if (stop) {
            lifecycle.stop(instance);
            return null;
        }
        return lifecycle.initialized(instance).whenComplete((ignored, failure) -> initializedOnDemand(instance));
    }

    /** A start failed: the invocation waiting longest fails with it, as it would have started the instance itself. */
    private void failOneWaiter(Throwable failure) {
        Waiter<I> waiter;
        synchronized (this) {
            initializing--;
            waiter = waiting.pollFirst();
        }
        if (waiter != null) {
            limit.release();
            waiter.lease().completeExceptionally(failure);
        }
        askForStartIfShort();
    }

    /** A new instance finished its init: the longest-waiting invocation takes it, else it waits warm. */
    private void initializedOnDemand(I instance) {
        synchronized (this) {
            initializing--;
        }
        offer(instance);
    }

    /** Hands a free instance to the longest-waiting invocation, or keeps it idle (or stops it, retired). */
    private void offer(I instance) {
        Waiter<I> waiter;
        boolean stop = false;
        synchronized (this) {
            waiter = waiting.pollFirst();
            if (waiter == null) {
                stop = retired || !all.contains(instance);
                if (stop) {
                    all.remove(instance);
                } else {
                    idle.addFirst(new Idle<>(instance, System.nanoTime()));
                }
            }
        }
        if (waiter != null) {
            waiter.lease().complete(new Lease<>(Lease.Outcome.LEASED, instance));
        } else if (stop) {
            lifecycle.stop(instance);
            runIfDrained();
        }
    }

    /** A blocked caller gave up: its place in the queue goes, or the instance it was just given comes back. */
    private void abandon(CompletableFuture<Lease<I>> lease) {
        boolean wasWaiting;
        synchronized (this) {
            wasWaiting = waiting.removeIf(waiter -> waiter.lease() == lease);
        }
        if (wasWaiting) {
            limit.release();
            return;
        }
        Lease<I> given = lease.join();
        if (given.outcome() == Lease.Outcome.LEASED) {
            release(given.instance());
        }
    }

    /** Gives a leased instance to the longest-waiting invocation, else back to the warm pool; a retired pool stops it. */
    void release(I instance) {
        boolean keep;
        synchronized (this) {
            keep = !retired && all.contains(instance);
            if (!keep) {
                all.remove(instance);
            }
        }
        if (keep) {
            offer(instance);
        } else {
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
        askForStartIfShort(); // one busy instance fewer: waiting for it may be pointless now
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
        List<CompletableFuture<Lease<I>>> redirected;
        synchronized (this) {
            retired = true;
            idle.forEach(entry -> stopping.add(entry.instance()));
            idle.clear();
            stopping.forEach(all::remove);
            redirected = takeWaiting();
        }
        stopping.forEach(lifecycle::stop);
        redirect(redirected);
        runIfDrained();
    }

    /** Retires the pool and hands back every instance, busy ones included, for the caller to stop now. */
    List<I> retireAll() {
        List<I> everything;
        List<CompletableFuture<Lease<I>>> redirected;
        synchronized (this) {
            retired = true;
            everything = List.copyOf(all);
            all.clear();
            idle.clear();
            redirected = takeWaiting();
        }
        redirect(redirected);
        runIfDrained();
        return everything;
    }

    private List<CompletableFuture<Lease<I>>> takeWaiting() {
        List<CompletableFuture<Lease<I>>> taken = waiting.stream().map(Waiter::lease).toList();
        waiting.clear();
        return taken;
    }

    /** Invocations that waited on a retired pool ask the function's new deployment. */
    private void redirect(List<CompletableFuture<Lease<I>>> waiters) {
        for (CompletableFuture<Lease<I>> waiter : waiters) {
            limit.release();
            waiter.complete(new Lease<>(Lease.Outcome.RETIRED, null));
        }
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
