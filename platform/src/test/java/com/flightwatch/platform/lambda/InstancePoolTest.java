package com.flightwatch.platform.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.platform.lambda.InstancePool.Lease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InstancePoolTest {

    /** An instance that remembers whether it was stopped, and initializes when the test says so. */
    static final class Fake {
        final boolean provisioned;
        final CompletableFuture<Void> initialized = new CompletableFuture<>();
        boolean stopped;

        Fake(boolean provisioned) {
            this.provisioned = provisioned;
        }
    }

    private final List<Fake> started = new CopyOnWriteArrayList<>();
    private final AtomicBoolean drained = new AtomicBoolean();
    /** Whether new instances finish initializing as soon as they start. */
    private boolean initializeAtOnce = true;
    private RuntimeException startFailure;

    /** Runs the patience checks of {@link #patient}'s cold starts. */
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    /** Two starts at a time on the caller's thread, after {@code patience} behind a busy instance. */
    private ColdStarts patient(Duration patience) {
        return new ColdStarts(2, patience, Runnable::run, timer);
    }

    private InstancePool<Fake> pool(int limit, int provisioned) {
        return pool(limit, provisioned, ColdStarts.immediate(), started);
    }

    private InstancePool<Fake> pool(int limit, int provisioned, ColdStarts coldStarts, List<Fake> startedHere) {
        return new InstancePool<>(new ConcurrencyLimit(limit), provisioned, coldStarts, new InstancePool.Lifecycle<>() {
            @Override
            public Fake start(boolean isProvisioned) {
                if (startFailure != null) {
                    throw startFailure;
                }
                Fake fake = new Fake(isProvisioned);
                startedHere.add(fake);
                if (initializeAtOnce) {
                    fake.initialized.complete(null);
                }
                return fake;
            }

            @Override
            public CompletionStage<?> initialized(Fake instance) {
                return instance.initialized;
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
    void leaseLater_allBusy_takesTheInstanceReleasedFirstAndTheNewOneStaysWarm() throws Exception {
        initializeAtOnce = false;
        InstancePool<Fake> pool = pool(2, 0);
        Fake a = firstLease(pool);

        CompletableFuture<Lease<Fake>> second = pool.leaseLater(InvocationType.REQUEST_RESPONSE);
        assertThat(started).as("a new instance is asked for").hasSize(2);
        pool.release(a);
        assertThat(leased(second)).as("the instance freed before the new one initialized").isSameAs(a);

        Fake b = started.get(1);
        b.initialized.complete(null);
        assertThat(pool.size()).isEqualTo(2);
        pool.release(a);
        assertThat(lease(pool)).as("the most recently freed").isSameAs(a);
        assertThat(lease(pool)).isSameAs(b);
    }

    @Test
    void leaseLater_newInstanceFailsItsInit_goesToTheWaitingInvocationToReport() throws Exception {
        initializeAtOnce = false;
        InstancePool<Fake> pool = pool(1, 0);
        CompletableFuture<Lease<Fake>> lease = pool.leaseLater(InvocationType.REQUEST_RESPONSE);

        started.get(0).initialized.completeExceptionally(new IllegalStateException("init failed"));

        assertThat(leased(lease)).isSameAs(started.get(0));
    }

    @Test
    void coldStarts_atTheirLimit_queueAcrossPoolsAndSkipAStartNoLongerNeeded() throws Exception {
        initializeAtOnce = false;
        ColdStarts oneAtATime = new ColdStarts(1, Duration.ZERO, Runnable::run, null);
        List<Fake> startedByP = new ArrayList<>();
        List<Fake> startedByQ = new ArrayList<>();
        InstancePool<Fake> p = pool(2, 0, oneAtATime, startedByP);
        InstancePool<Fake> q = pool(2, 0, oneAtATime, startedByQ);
        CompletableFuture<Lease<Fake>> firstOfQ = q.leaseLater(InvocationType.REQUEST_RESPONSE);
        startedByQ.get(0).initialized.complete(null);
        Fake q1 = leased(firstOfQ);

        CompletableFuture<Lease<Fake>> firstOfP = p.leaseLater(InvocationType.REQUEST_RESPONSE);
        CompletableFuture<Lease<Fake>> secondOfQ = q.leaseLater(InvocationType.REQUEST_RESPONSE);
        assertThat(startedByP).hasSize(1);
        assertThat(startedByQ).as("queued behind P's start").hasSize(1);

        q.release(q1);
        assertThat(leased(secondOfQ)).isSameAs(q1);
        startedByP.get(0).initialized.complete(null);

        assertThat(leased(firstOfP)).isSameAs(startedByP.get(0));
        assertThat(startedByQ).as("Q's queued start was no longer needed").hasSize(1);
    }

    @Test
    void leaseLater_busyInstanceFreesUpWithinThePatience_noInstanceIsStarted() throws Exception {
        InstancePool<Fake> pool = pool(2, 0, patient(Duration.ofMillis(200)), started);
        Fake busy = lease(pool);
        assertThat(started).as("nothing busy to wait for: started at once").hasSize(1);

        CompletableFuture<Lease<Fake>> waiting = pool.leaseLater(InvocationType.REQUEST_RESPONSE);
        pool.release(busy);
        Thread.sleep(400);

        assertThat(leased(waiting)).isSameAs(busy);
        assertThat(started).hasSize(1);
    }

    @Test
    void leaseLater_waitedThePatienceInVain_startsANewInstance() throws Exception {
        InstancePool<Fake> pool = pool(2, 0, patient(Duration.ofMillis(50)), started);
        Fake busy = lease(pool);

        CompletableFuture<Lease<Fake>> waiting = pool.leaseLater(InvocationType.REQUEST_RESPONSE);
        assertThat(started).as("not before the patience runs out").hasSize(1);

        Fake fresh = waiting.get(10, TimeUnit.SECONDS).instance();
        assertThat(fresh).isNotSameAs(busy).isSameAs(started.get(1));
    }

    @Test
    void lease_eventWhileTheInstanceIsBusy_waitsTenTimesLongerBeforeAStart() throws Exception {
        InstancePool<Fake> pool = pool(2, 0, patient(Duration.ofMillis(50)), started);
        Fake busy = lease(pool);

        CompletableFuture<Lease<Fake>> event = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.lease(InvocationType.EVENT);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(250);
        assertThat(started).as("a synchronous call would have had a new instance after 50 ms").hasSize(1);

        assertThat(event.get(10, TimeUnit.SECONDS).instance()).isNotSameAs(busy).isSameAs(started.get(1));
    }

    @Test
    void leaseLater_startFails_failsTheWaitingInvocationAndFreesItsSlot() {
        InstancePool<Fake> pool = pool(1, 0);
        startFailure = new IllegalStateException("no JVM today");

        CompletableFuture<Lease<Fake>> lease = pool.leaseLater(InvocationType.REQUEST_RESPONSE);

        assertThatThrownBy(lease::join).isInstanceOf(CompletionException.class).hasRootCauseMessage("no JVM today");
        assertThat(pool.limit().inUse()).isZero();
    }

    @Test
    void lease_interruptedWhileWaiting_givesUpItsPlaceAndSlot() throws Exception {
        initializeAtOnce = false;
        InstancePool<Fake> pool = pool(2, 0);
        Fake busy = firstLease(pool);
        Thread waiter = new Thread(() -> {
            try {
                pool.lease(InvocationType.REQUEST_RESPONSE);
            } catch (InterruptedException expected) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        while (started.size() < 2) {
            Thread.onSpinWait();
        }

        waiter.interrupt();
        waiter.join();

        assertThat(pool.limit().inUse()).isEqualTo(1);
        pool.release(busy);
        assertThat(pool.limit().inUse()).isZero();
        started.get(1).initialized.complete(null);
        assertThat(pool.size()).as("the new instance waits warm").isEqualTo(2);
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
    void retire_withInvocationsWaiting_sendsThemToTheNextDeploymentAndStopsTheNewInstance() throws Exception {
        initializeAtOnce = false;
        InstancePool<Fake> pool = pool(2, 0);
        CompletableFuture<Lease<Fake>> waiting = pool.leaseLater(InvocationType.REQUEST_RESPONSE);

        pool.retire();
        started.get(0).initialized.complete(null);

        assertThat(waiting.join().outcome()).isEqualTo(Lease.Outcome.RETIRED);
        assertThat(pool.limit().inUse()).isZero();
        assertThat(started.get(0).stopped).isTrue();
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

    /** The first lease of a pool whose instances initialize when told: not before its instance's init ends. */
    private Fake firstLease(InstancePool<Fake> pool) {
        CompletableFuture<Lease<Fake>> lease = pool.leaseLater(InvocationType.REQUEST_RESPONSE);
        assertThat(lease).as("no instance before its init ends").isNotDone();
        started.get(0).initialized.complete(null);
        return leased(lease);
    }

    private static Fake leased(CompletableFuture<Lease<Fake>> lease) {
        assertThat(lease).isDone();
        assertThat(lease.join().outcome()).isEqualTo(Lease.Outcome.LEASED);
        return lease.join().instance();
    }
}
