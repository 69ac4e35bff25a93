package com.flightwatch.platform.activations;

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
 * so a record is visible as soon as its invocation has answered. The price: a crash loses the
 * records still queued (at most {@link #BATCH_PAUSE_MILLIS} worth), and when the queue is full
 * records are dropped and counted rather than slowing invocations down.
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
    private volatile boolean running = true;

    public BatchingActivationStore(ActivationStore store) {
        this.store = store;
        this.writer = new Thread(this::writeUntilClosed, "activation-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void record(Activation activation) {
        if (!queue.offer(activation) && dropped.incrementAndGet() % 1000 == 1) {
            LOG.warn("Activation records are arriving faster than the database takes them: {} dropped so far",
                    dropped.get());
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

    /** Writes everything queued now, on the caller's thread. */
    public void flush() {
        while (writeBatch()) {
            // until the queue is empty
        }
    }

    private void writeUntilClosed() {
        while (running) {
            try {
                Activation first = queue.poll(BATCH_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    synchronized (writing) {
                        List<Activation> batch = new ArrayList<>(List.of(first));
                        queue.drainTo(batch, MAX_BATCH - 1);
                        write(batch);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** @return whether there was anything to write */
    private boolean writeBatch() {
        synchronized (writing) {
            List<Activation> batch = new ArrayList<>();
            queue.drainTo(batch, MAX_BATCH);
            write(batch);
            return !batch.isEmpty();
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

    @Override
    public void close() {
        running = false;
        writer.interrupt();
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
