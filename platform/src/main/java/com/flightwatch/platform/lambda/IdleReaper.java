package com.flightwatch.platform.lambda;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops warm instances that waited for work longer than the idle timeout, as Lambda recycles idle
 * execution environments: a sweep every half timeout (at most every 30 seconds), so an instance
 * lives at most about 1.5 timeouts after its last invocation.
 */
final class IdleReaper implements AutoCloseable {

    /** Lambda-like default; {@code flightwatch up --idle-timeout} changes it. */
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration MAX_SWEEP_PERIOD = Duration.ofSeconds(30);
    private static final Duration MIN_SWEEP_PERIOD = Duration.ofMillis(50);

    private static final Logger LOG = LoggerFactory.getLogger(IdleReaper.class);

    private final Duration idleTimeout;
    private final ScheduledExecutorService sweeper;

    IdleReaper(Duration idleTimeout, Supplier<Collection<? extends InstancePool<?>>> pools) {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, not " + idleTimeout);
        }
        this.idleTimeout = idleTimeout;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "lambda-idle-reaper");
            thread.setDaemon(true);
            return thread;
        });
        long period = sweepPeriod(idleTimeout).toMillis();
        sweeper.scheduleWithFixedDelay(() -> sweep(pools.get()), period, period, TimeUnit.MILLISECONDS);
    }

    static Duration sweepPeriod(Duration idleTimeout) {
        Duration half = idleTimeout.dividedBy(2);
        if (half.compareTo(MIN_SWEEP_PERIOD) < 0) {
            return MIN_SWEEP_PERIOD;
        }
        return half.compareTo(MAX_SWEEP_PERIOD) > 0 ? MAX_SWEEP_PERIOD : half;
    }

    private void sweep(Collection<? extends InstancePool<?>> pools) {
        for (InstancePool<?> pool : pools) {
            try {
                int reaped = pool.reapIdle(idleTimeout);
                if (reaped > 0) {
                    LOG.debug("Stopped {} instance(s) idle for {}", reaped, idleTimeout);
                }
            } catch (RuntimeException e) {
                // One pool's failure must not end the sweeps of the others.
                LOG.warn("Stopping idle instances failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
