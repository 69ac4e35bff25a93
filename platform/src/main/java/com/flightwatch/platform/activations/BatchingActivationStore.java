package com.flightwatch.platform.activations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes activation records off the invocation's path: {@link #record} only queues, and one writer
 * thread hands whatever accumulated to the store in a batch. An insert per request on the request's
 * own thread cost the gateway two thirds of its throughput (docs/benchmarks.md). Reads flush first,
 * so a record is visible as soon as its invocation has answered. A clean stop ({@link #close}) loses
 * nothing: it writes what is queued, and records that arrive afterwards (invocations still ending
 * while the platform stops) are written at once on their own thread. The price: a crash (kill -9,
 * power loss) loses the records still queued, the unflushed batch (at most about
 * {@link #BATCH_PAUSE_MILLIS} worth); and when the queue is full records are dropped and counted
 * rather than slowing invocations down.
 */
public final class BatchingActivationStore implements ActivationStore, AutoCloseable {

    static final long BATCH_PAUSE_MILLIS = 100;
    private static final int CAPACITY = 10_000;
    private static final int MAX_BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(BatchingActivationStore.class);

    private final ActivationStore store;
    private final BlockingQueue<Activation> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Object writing = new Object();
    private final Thread writer;
    private volatile boolean closed;

    public BatchingActivationStore(ActivationStore store) {
        this.store = store;
        this.writer = new Thread(this::writeUntilClosed, "activation-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void record(Activation activation) {
        if (!queue.offer(activation)) {
            if (closed) {
                write(List.of(activation));
            } else if (dropped.incrementAndGet() % 1000 == 1) {
                LOG.warn("Activation records are arriving faster than the database takes them: {} dropped so far",
                        dropped.get());
            }
            return;
        }
        if (closed) {
            flush(); // close() may have drained the queue just before this record arrived
        }
    }

    @Override
    public Optional<Activation> find(String activationId) {
        flush();
        return store.find(activationId);
    }

    @Override
    public List<Activation> list(ActivationQuery query) {
        flush();
        return store.list(query);
    }

    @Override
    public int deleteStartedBefore(Instant cutoff, int maxRows) {
        return store.deleteStartedBefore(cutoff, maxRows);
    }

    @Override
    public int deleteOldestBeyond(int keep, int maxRows) {
        flush(); // count what is really there
        return store.deleteOldestBeyond(keep, maxRows);
    }

    /** Writes everything queued now, on the caller's thread. */
    public void flush() {
        while (writeBatch() > 0) {
            // until the queue is empty
        }
    }

    /**
     * Drains under the same lock as {@link #flush}, never holding a record outside the queue while
     * unlocked, so a reader's flush cannot miss one that is on its way to the database.
     */
    private void writeUntilClosed() {
        while (!closed) {
            if (writeBatch() == MAX_BATCH) {
                continue; // more may be waiting: no pause
            }
            try {
                Thread.sleep(BATCH_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** @return how many records it wrote (or tried to) */
    private int writeBatch() {
        synchronized (writing) {
            List<Activation> batch = new ArrayList<>();
            queue.drainTo(batch, MAX_BATCH);
            write(batch);
            return batch.size();
        }
    }

    private void write(List<Activation> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.recordAll(batch);
        } catch (RuntimeException e) {
            LOG.warn("{} activation record(s) were not stored: {}", batch.size(), e.getMessage());
        }
    }

    /**
     * Writes what is queued and stops the writer thread. Not by interrupting it: an interrupt while it
     * takes a pooled connection would fail, and so lose, the batch in hand; it sees {@code closed}
     * within {@link #BATCH_PAUSE_MILLIS} instead.
     */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
