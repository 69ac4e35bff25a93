package com.flightwatch.platform.activations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes activation records older than the retention and, oldest first, those beyond the most the
 * platform keeps: at start and then every minute. It deletes in batches of {@link #BATCH} rows, each
 * its own statement, so invocations recording meanwhile never wait long for the table.
 */
public final class ActivationPruner implements AutoCloseable {

    static final int BATCH = 1_000;
    private static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(ActivationPruner.class);

    private final ActivationStore store;
    private final Duration retention;
    private final int maxActivations;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "activation-pruner");
        thread.setDaemon(true);
        return thread;
    });

    /** What one pruning run deleted. */
    public record Pruned(int expired, int beyondMaximum) {
    }

    public ActivationPruner(ActivationStore store, Duration retention, int maxActivations, Clock clock) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, not " + retention);
        }
        if (maxActivations < 1) {
            throw new IllegalArgumentException("maxActivations must be at least 1, not " + maxActivations);
        }
        this.store = store;
        this.retention = retention;
        this.maxActivations = maxActivations;
        this.clock = clock;
    }

    /** Prunes now, on the timer's thread, and every minute after. */
    public void start() {
        timer.scheduleWithFixedDelay(this::pruneLogged, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs one pruning pass on the caller's thread. */
    public Pruned pruneNow() {
        Instant cutoff = clock.instant().minus(retention);
        int expired = repeat(() -> store.deleteStartedBefore(cutoff, BATCH));
        int beyond = repeat(() -> store.deleteOldestBeyond(maxActivations, BATCH));
        return new Pruned(expired, beyond);
    }

    private void pruneLogged() {
        try {
            Pruned pruned = pruneNow();
            if (pruned.expired() + pruned.beyondMaximum() > 0) {
                LOG.info("Pruned {} activation record(s) older than {} and {} beyond the newest {}", pruned.expired(),
                        retention, pruned.beyondMaximum(), maxActivations);
            }
        } catch (RuntimeException e) {
            LOG.warn("Pruning activation records failed; the next run tries again: {}", e.getMessage());
        }
    }

    /** Runs a bounded delete until a batch comes back short. */
    private int repeat(IntSupplier batch) {
        int total = 0;
        int deleted;
        do {
            if (Thread.currentThread().isInterrupted()) {
                break; // closing
            }
            deleted = batch.getAsInt();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
