package com.flightwatch.platform.sns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dispatcher thread that claims due deliveries, as many as there are idle workers, and a small
 * pool that runs them. The dispatcher sleeps until the next delivery falls due, at most one poll
 * interval, and {@link #wake()} (called after a publish) cuts the sleep short, so a message reaches
 * its subscribers milliseconds after Publish answered.
 */
final class DeliveryWorkers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorkers.class);
    private static final long STOP_TIMEOUT_SECONDS = 5;

    private final DeliveryQueue queue;
    private final Consumer<Delivery> attempt;
    private final SnsSettings settings;
    private final Clock clock;
    private final Semaphore idleWorkers;
    private final ExecutorService pool;
    private final Object signal = new Object();
    private boolean wakeRequested;
    private volatile boolean running;
    private Thread dispatcher;

    DeliveryWorkers(DeliveryQueue queue, Consumer<Delivery> attempt, SnsSettings settings, Clock clock) {
        this.queue = queue;
        this.attempt = attempt;
        this.settings = settings;
        this.clock = clock;
        this.idleWorkers = new Semaphore(settings.deliveryWorkers());
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.deliveryWorkers(), task -> {
            Thread thread = new Thread(task, "sns-delivery-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        dispatcher = new Thread(this::dispatch, "sns-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /** There may be new due work: look now rather than at the next poll. */
    void wake() {
        synchronized (signal) {
            wakeRequested = true;
            signal.notifyAll();
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (dispatcher != null) {
            dispatcher.interrupt();
            join(dispatcher);
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                // Deliveries still running keep their lease; the next start takes them up again.
                LOG.warn("SNS deliveries still running after {} s; abandoning them", STOP_TIMEOUT_SECONDS);
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }

    private void dispatch() {
        while (running) {
            try {
                idleWorkers.acquire();
                int slots = 1 + idleWorkers.drainPermits();
                List<Delivery> claimed = claim(slots);
                idleWorkers.release(slots - claimed.size());
                claimed.forEach(delivery -> pool.execute(() -> run(delivery)));
                if (claimed.size() < slots) {
                    awaitWork(untilNextDue());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database may be restarting; keep trying, at the poll interval.
                LOG.warn("Could not dispatch SNS deliveries: {}", e.getMessage());
                sleepQuietly(settings.pollInterval());
            }
        }
    }

    private List<Delivery> claim(int slots) {
        try {
            return queue.claimDue(slots, clock.instant(), settings.leaseDuration());
        } catch (RuntimeException e) {
            idleWorkers.release(slots);
            throw e;
        }
    }

    private void run(Delivery delivery) {
        try {
            attempt.accept(delivery);
        } catch (RuntimeException e) {
            LOG.error("Could not record the outcome of delivery {}; its lease will expire and it will be retried",
                    delivery.id(), e);
        } finally {
            idleWorkers.release();
            wake();
        }
    }

    private Duration untilNextDue() {
        Optional<Instant> next = queue.nextDueAt();
        if (next.isEmpty()) {
            return settings.pollInterval();
        }
        Duration wait = Duration.between(clock.instant(), next.get());
        return wait.compareTo(settings.pollInterval()) > 0 ? settings.pollInterval() : wait;
    }

    private void awaitWork(Duration atMost) throws InterruptedException {
        synchronized (signal) {
            // wait(0) would mean forever: wait at least a millisecond.
            if (!wakeRequested && running) {
                signal.wait(Math.max(1, atMost.toMillis()));
            }
            wakeRequested = false;
        }
    }

    private void sleepQuietly(Duration duration) {
        try {
            awaitWork(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
