package com.flightwatch.platform.lambda;

import com.flightwatch.platform.stack.FunctionSpec;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The instances of one deployed function: warm ones waiting for work, and a limit on how many run
 * at once (Lambda's concurrency limit). An instance is leased for one invocation and then released
 * (warm, reusable) or discarded (its process killed).
 */
final class ProcessFunction implements AutoCloseable {

    private final FunctionSpec spec;
    private final String arn;
    private final ProcessLauncher launcher;
    private final Semaphore concurrency;
    private final Deque<ProcessInstance> idle = new ConcurrentLinkedDeque<>();
    private final Set<ProcessInstance> all = ConcurrentHashMap.newKeySet();
    private final AtomicLong instanceCounter = new AtomicLong();
    private volatile boolean closed;

    ProcessFunction(FunctionSpec spec, String arn, ProcessLauncher launcher, int maxConcurrency) {
        this.spec = spec;
        this.arn = arn;
        this.launcher = launcher;
        this.concurrency = new Semaphore(maxConcurrency);
    }

    FunctionSpec spec() {
        return spec;
    }

    String arn() {
        return arn;
    }

    /** @return a warm instance or a new one, or null when the function already runs at its limit */
    ProcessInstance lease() {
        if (closed || !concurrency.tryAcquire()) {
            return null;
        }
        ProcessInstance warm;
        while ((warm = idle.pollFirst()) != null) {
            if (warm.alive()) {
                return warm;
            }
            discard(warm, false);
        }
        try {
            ProcessInstance instance = launcher.launch(spec, spec.name() + "-" + instanceCounter.incrementAndGet());
            all.add(instance);
            return instance;
        } catch (RuntimeException e) {
            concurrency.release();
            throw e;
        }
    }

    /** Returns a healthy instance to the warm pool, most recently used first (as Lambda reuses them). */
    void release(ProcessInstance instance) {
        if (closed) {
            discard(instance, true);
            return;
        }
        idle.addFirst(instance);
        concurrency.release();
    }

    /** Kills an instance that must not be reused (timed out, crashed, failed to init). */
    void discard(ProcessInstance instance) {
        discard(instance, true);
    }

    private void discard(ProcessInstance instance, boolean leased) {
        instance.kill();
        all.remove(instance);
        launcher.forget(instance);
        if (leased) {
            concurrency.release();
        }
    }

    List<Long> instancePids() {
        return all.stream().map(ProcessInstance::pid).toList();
    }

    int instanceCount() {
        return all.size();
    }

    /** Kills every instance and waits for them; invocations in progress end CRASHED. */
    @Override
    public void close() {
        closed = true;
        for (ProcessInstance instance : Set.copyOf(all)) {
            instance.killAndWait();
            launcher.forget(instance);
        }
        all.clear();
        idle.clear();
    }
}
