package com.flightwatch.platform.gateway;

import com.flightwatch.platform.stack.QuotaSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts requests against usage plan quotas in memory and adds the counts to a {@link QuotaStore}
 * every {@code flushInterval}, and once more on {@link #close}.
 *
 * <p>The trade-off: a request costs an atomic increment, not a database round trip; the first
 * request of a key in a period reads the stored count once. A crash (not a stop) loses at most one
 * interval of counts, so a key may go over its quota by what it sent in that interval. Several
 * gateways on one database each enforce with their own view between reads, though the stored
 * totals add up exactly.
 *
 * <p>The quota's {@code offset} is what API Gateway documents: requests subtracted from the limit
 * in the plan's initial period. Locally a plan's initial period is the first one in which any of
 * its keys was counted on this database (it survives restarts; a later period gets the whole limit).
 */
public final class QuotaCounter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QuotaCounter.class);
    /** Counts of periods older than the longest one (a month) are never touched again. */
    private static final Duration FORGET_AFTER = Duration.ofDays(32);

    private record PlanId(String stackName, String planId) {
    }

    private static final class Count {
        final AtomicLong used;
        final AtomicLong unflushed = new AtomicLong();

        Count(long stored) {
            used = new AtomicLong(stored);
        }

        boolean tryIncrement(long limit) {
            long current;
            do {
                current = used.get();
                if (current >= limit) {
                    return false;
                }
            } while (!used.compareAndSet(current, current + 1));
            unflushed.incrementAndGet();
            return true;
        }
    }

    private final QuotaStore store;
    private final Clock clock;
    private final ConcurrentMap<QuotaUsageKey, Count> counts = new ConcurrentHashMap<>();
    private final ConcurrentMap<PlanId, Instant> initialPeriods = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;

    public QuotaCounter(QuotaStore store, Clock clock, Duration flushInterval) {
        this.store = store;
        this.clock = clock;
        this.flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "quota-flush");
            thread.setDaemon(true);
            return thread;
        });
        long millis = flushInterval.toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Counts one request of a key under its plan's quota.
     *
     * @return false when the key has used its quota for the current period (the request is not counted)
     */
    boolean tryCount(String stackName, String planId, String keyId, QuotaSpec quota) {
        QuotaUsageKey key = new QuotaUsageKey(stackName, planId, keyId, QuotaPeriods.start(quota, clock.instant()));
        Count count = counts.get(key);
        if (count == null) {
            // Read outside the map's lock: two first requests may both read, only one count is kept.
            Count loaded = new Count(store.used(key));
            Count raced = counts.putIfAbsent(key, loaded);
            count = raced != null ? raced : loaded;
        }
        return count.tryIncrement(limitIn(key, quota));
    }

    /** The whole limit, less the offset in the plan's initial period. */
    private long limitIn(QuotaUsageKey key, QuotaSpec quota) {
        if (quota.offset() == 0) {
            return quota.limit();
        }
        // The plan's first counted period, read once; when there is none, this period is the first.
        Instant initial = initialPeriods.computeIfAbsent(new PlanId(key.stackName(), key.planId()),
                plan -> store.firstPeriod(plan.stackName(), plan.planId()).orElse(key.periodStart()));
        return key.periodStart().equals(initial) ? Math.max(0, quota.limit() - quota.offset()) : quota.limit();
    }

    /** Adds what was counted since the last flush to the store. */
    public synchronized void flush() {
        Map<QuotaUsageKey, Long> deltas = new HashMap<>();
        counts.forEach((key, count) -> {
            long delta = count.unflushed.getAndSet(0);
            if (delta > 0) {
                deltas.put(key, delta);
            }
        });
        try {
            store.add(deltas);
        } catch (RuntimeException e) {
            deltas.forEach((key, delta) -> counts.get(key).unflushed.addAndGet(delta));
            throw e;
        }
        Instant forgetBefore = clock.instant().minus(FORGET_AFTER);
        counts.entrySet().removeIf(entry -> entry.getKey().periodStart().isBefore(forgetBefore)
                && entry.getValue().unflushed.get() == 0);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("Quota counts not stored yet, retrying at the next flush: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushQuietly();
    }
}
