package com.flightwatch.platform.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.lambda.InstancePool.Lease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class InstancePoolTest {

    /** An instance that only remembers whether it was stopped. */
    static final class Fake {
        final boolean provisioned;
        boolean stopped;

        Fake(boolean provisioned) {
            this.provisioned = provisioned;
        }
    }

    private final List<Fake> started = new ArrayList<>();
    private final AtomicBoolean drained = new AtomicBoolean();

    private InstancePool<Fake> pool(int limit, int provisioned) {
        return new InstancePool<>(new ConcurrencyLimit(limit), provisioned, new InstancePool.Lifecycle<>() {
            @Override
            public Fake start(boolean isProvisioned) {
                Fake fake = new Fake(isProvisioned);
                started.add(fake);
                return fake;
            }

            @Override
            public boolean healthy(Fake instance) {
                return !instance.stopped;
            }

            @Override
            public void stop(Fake instance) {
                instance.stopped = true;
            }
        }, () -> drained.set(true));
    }

    @Test
    void lease_afterRelease_reusesTheMostRecentlyUsedInstance() throws Exception {
        InstancePool<Fake> pool = pool(2, 0);
        Fake a = lease(pool);
        Fake b = lease(pool);
        pool.release(a);
        pool.release(b);

        assertThat(lease(pool)).isSameAs(b);
        assertThat(started).hasSize(2);
    }

    @Test
    void lease_atTheLimit_isThrottledUntilAnInstanceIsReleased() throws Exception {
        InstancePool<Fake> pool = pool(1, 0);
        Fake only = lease(pool);

        assertThat(pool.lease(InvocationType.REQUEST_RESPONSE).outcome()).isEqualTo(Lease.Outcome.THROTTLED);
        pool.release(only);
        assertThat(lease(pool)).isSameAs(only);
    }

    @Test
    void retire_stopsIdleInstancesNowAndBusyOnesWhenReleased() throws Exception {
        InstancePool<Fake> pool = pool(2, 0);
        Fake busy = lease(pool);
        Fake idle = lease(pool);
        pool.release(idle);

        pool.retire();

        assertThat(idle.stopped).isTrue();
        assertThat(busy.stopped).isFalse();
        assertThat(drained).isFalse();
        assertThat(pool.lease(InvocationType.REQUEST_RESPONSE).outcome()).isEqualTo(Lease.Outcome.RETIRED);
        pool.release(busy);
        assertThat(busy.stopped).isTrue();
        assertThat(drained).isTrue();
    }

    @Test
    void reapIdle_keepsTheProvisionedInstancesAndStopsTheOthers() throws Exception {
        InstancePool<Fake> pool = pool(3, 2);
        pool.startProvisioned();
        Fake first = lease(pool);
        Fake second = lease(pool);
        Fake third = lease(pool);
        pool.release(first);
        pool.release(second);
        pool.release(third);

        int reaped = pool.reapIdle(Duration.ZERO);

        assertThat(started).hasSize(3).filteredOn(fake -> fake.provisioned).hasSize(2);
        assertThat(reaped).isEqualTo(1);
        assertThat(pool.size()).isEqualTo(2);
        assertThat(first.stopped).as("the least recently used goes first").isTrue();
    }

    @Test
    void reapIdle_instanceUsedWithinTheTimeout_isKept() throws Exception {
        InstancePool<Fake> pool = pool(1, 0);
        pool.release(lease(pool));

        assertThat(pool.reapIdle(Duration.ofMinutes(10))).isZero();
        assertThat(pool.size()).isEqualTo(1);
    }

    @Test
    void lease_idleInstanceThatDied_isReplacedByANewOne() throws Exception {
        InstancePool<Fake> pool = pool(1, 0);
        Fake dead = lease(pool);
        pool.release(dead);
        dead.stopped = true;

        Fake next = lease(pool);

        assertThat(next).isNotSameAs(dead);
        assertThat(pool.size()).isEqualTo(1);
    }

    private static Fake lease(InstancePool<Fake> pool) throws InterruptedException {
        Lease<Fake> lease = pool.lease(InvocationType.REQUEST_RESPONSE);
        assertThat(lease.outcome()).isEqualTo(Lease.Outcome.LEASED);
        return lease.instance();
    }
}
