package com.flightwatch.platform.lambda;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many new instances may initialize at once across the functions of one host. Lambda starts
 * as many sandboxes as a burst asks for, each on its own hardware; on one machine with two cores,
 * ten JVMs booting together take each other's CPU and the busy instances', every request waits
 * seconds, more requests overlap, and more JVMs start. So starts queue here, first come first
 * served, and run when fewer than the limit are initializing; meanwhile the requests that asked for
 * them take the first instance that frees up ({@link InstancePool}), and a queued start that is no
 * longer needed when its turn comes does not happen. Nor is a start asked for at once when a busy
 * instance may free up soon: a request waits {@link #patience} for one first.
 */
final class ColdStarts implements AutoCloseable {

    /** A start the pool asked for, run in its turn. */
    interface Attempt {
        /** @return when the new instance has finished initializing, or null when no start was needed any more */
        CompletionStage<?> startIfStillNeeded();
    }

    private static final Logger LOG = LoggerFactory.getLogger(ColdStarts.class);

    /**
     * How long a request waits for a busy instance before a new one is started for it. Long enough
     * for a warm invocation of a typical handler under load to end, short beside a JVM's start (a
     * quarter of a second at best), which it delays only when more instances are really needed.
     */
    static final Duration PATIENCE = Duration.ofMillis(100);
    /**
     * An asynchronous invocation (an SNS delivery, an Event invoke) waits this many times longer:
     * nobody waits for its answer, and a burst of deliveries would otherwise start a JVM for each.
     */
    static final int EVENT_PATIENCE_FACTOR = 10;

    private final int limit;
    private final Duration patience;
    private final Executor starter;
    private final ScheduledExecutorService timer;
    private final Deque<Attempt> queued = new ArrayDeque<>();
    private int initializing;

    /**
     * @param starter runs the starts: an executor of their own, or the caller's thread
     * @param timer   runs the checks after {@code patience}; null when there is no patience
     */
    ColdStarts(int limit, Duration patience, Executor starter, ScheduledExecutorService timer) {
        this.limit = limit;
        this.patience = patience;
        this.starter = starter;
        this.timer = timer;
    }

    /**
     * One initializing instance per core, spawned on a thread of its own so that no caller (an event
     * loop among them) waits for a process to be forked.
     */
    static ColdStarts onePerCore() {
        ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "lambda-cold-starts");
            thread.setDaemon(true);
            return thread;
        });
        return new ColdStarts(Math.max(1, Runtime.getRuntime().availableProcessors()), PATIENCE, starter, starter);
    }

    /**
     * Every start at once on the caller's thread: for instances that are ready when created and
     * initialize inside their first invocation (thread isolation), where there is nothing to queue.
     */
    static ColdStarts immediate() {
        return new ColdStarts(Integer.MAX_VALUE, Duration.ZERO, Runnable::run, null);
    }

    /** How long an invocation waits for a busy instance to free up before a new instance is started for it. */
    Duration patience(InvocationType type) {
        return type == InvocationType.EVENT ? patience.multipliedBy(EVENT_PATIENCE_FACTOR) : patience;
    }

    /** Runs {@code check} once {@code type}'s patience has passed; not at all when there is none or the host is closing. */
    void afterPatience(InvocationType type, Runnable check) {
        if (timer == null) {
            return;
        }
        try {
            timer.schedule(check, patience(type).toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) { // the host is closing
            LOG.debug("A cold-start check was dropped: {}", e.toString());
        }
    }

    /** Queues a start; it runs when fewer than the limit of instances are initializing. */
    void request(Attempt attempt) {
        synchronized (this) {
            queued.addLast(attempt);
        }
        runWhatFits();
    }

    private void runWhatFits() {
        while (true) {
            Attempt next;
            synchronized (this) {
                if (initializing >= limit || queued.isEmpty()) {
                    return;
                }
                next = queued.pollFirst();
                initializing++;
            }
            try {
                starter.execute(() -> run(next));
            } catch (RuntimeException e) { // the host is closing: nothing starts any more
                LOG.debug("A cold start was dropped: {}", e.toString());
                finished();
                return;
            }
        }
    }

    private void run(Attempt attempt) {
        CompletionStage<?> initialized;
        try {
            initialized = attempt.startIfStillNeeded();
        } catch (RuntimeException | Error e) {
            LOG.warn("Starting a function instance failed", e);
            initialized = null;
        }
        if (initialized == null) {
            finished();
        } else {
            initialized.whenComplete((ignored, failure) -> finished());
        }
    }

    private void finished() {
        synchronized (this) {
            initializing--;
        }
        runWhatFits();
    }

    @Override
    public void close() {
        if (starter instanceof ExecutorService service) {
            service.shutdownNow();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
