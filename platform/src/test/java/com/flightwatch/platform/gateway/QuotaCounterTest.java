package com.flightwatch.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.stack.QuotaSpec;
import com.flightwatch.platform.stack.QuotaSpec.Period;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QuotaCounterTest {

    private static final QuotaSpec THREE_A_DAY = new QuotaSpec(3, Period.DAY, 0);

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T23:59:00Z"));
    private final QuotaStore store = QuotaStore.inMemory();

    @Test
    void tryCount_overTheLimit_refusesUntilTheNextPeriod() {
        try (QuotaCounter counter = new QuotaCounter(store, clock, Duration.ofHours(1))) {
            assertThat(counts(counter, 5)).isEqualTo(3);

            clock.set(Instant.parse("2026-11-26T00:00:00Z"));

            assertThat(counts(counter, 5)).isEqualTo(3);
        }
    }

    @Test
    void tryCount_newCounterOnTheSameStore_continuesTheCountOfTheClosedOne() {
        try (QuotaCounter first = new QuotaCounter(store, clock, Duration.ofHours(1))) {
            counts(first, 2);
        }
        try (QuotaCounter second = new QuotaCounter(store, clock, Duration.ofHours(1))) {
            assertThat(counts(second, 5)).isEqualTo(1);
        }
    }

    @Test
    void flush_storeFails_keepsTheCountsForTheNextFlush() {
        AtomicInteger failures = new AtomicInteger(1);
        QuotaStore flaky = new QuotaStore() {
            @Override
            public long used(QuotaUsageKey key) {
                return store.used(key);
            }

            @Override
            public Optional<Instant> firstPeriod(String stackName, String planId) {
                return store.firstPeriod(stackName, planId);
            }

            @Override
            public void add(Map<QuotaUsageKey, Long> counts) {
                if (failures.getAndDecrement() > 0) {
                    throw new QuotaStoreException("database down", null);
                }
                store.add(counts);
            }
        };
        try (QuotaCounter counter = new QuotaCounter(flaky, clock, Duration.ofHours(1))) {
            counts(counter, 2);
            try {
                counter.flush();
            } catch (QuotaStoreException expected) {
                // the next flush must still store both requests
            }
            counter.flush();
        }

        assertThat(store.used(new QuotaUsageKey("Stack", "Plan", "Key", Instant.parse("2026-11-25T00:00:00Z")))).isEqualTo(2);
    }

    @Test
    void tryCount_offsetInTheInitialPeriod_subtractsItFromTheLimitThere() {
        QuotaSpec fiveADayLessTwo = new QuotaSpec(5, Period.DAY, 2);
        try (QuotaCounter counter = new QuotaCounter(store, clock, Duration.ofHours(1))) {
            assertThat(counts(counter, "Key", fiveADayLessTwo, 9)).isEqualTo(3);

            clock.set(Instant.parse("2026-11-26T00:00:00Z"));

            assertThat(counts(counter, "Key", fiveADayLessTwo, 9)).isEqualTo(5);
        }
    }

    @Test
    void tryCount_offsetForAnotherKeyOfThePlanInItsInitialPeriod_subtractsItToo() {
        QuotaSpec fiveADayLessTwo = new QuotaSpec(5, Period.DAY, 2);
        try (QuotaCounter counter = new QuotaCounter(store, clock, Duration.ofHours(1))) {
            counts(counter, "Key", fiveADayLessTwo, 1);

            assertThat(counts(counter, "OtherKey", fiveADayLessTwo, 9)).isEqualTo(3);
        }
    }

    @Test
    void tryCount_restartAfterTheInitialPeriod_givesTheWholeLimit() {
        QuotaSpec fiveADayLessTwo = new QuotaSpec(5, Period.DAY, 2);
        try (QuotaCounter first = new QuotaCounter(store, clock, Duration.ofHours(1))) {
            counts(first, "Key", fiveADayLessTwo, 1);
        }
        clock.set(Instant.parse("2026-11-27T10:00:00Z"));
        try (QuotaCounter second = new QuotaCounter(store, clock, Duration.ofHours(1))) {
            assertThat(counts(second, "NewKey", fiveADayLessTwo, 9)).isEqualTo(5);
        }
    }

    @Test
    void tryCount_restartWithinTheInitialPeriod_keepsTheOffset() {
        QuotaSpec fiveADayLessTwo = new QuotaSpec(5, Period.DAY, 2);
        try (QuotaCounter first = new QuotaCounter(store, clock, Duration.ofHours(1))) {
            counts(first, "Key", fiveADayLessTwo, 1);
        }
        try (QuotaCounter second = new QuotaCounter(store, clock, Duration.ofHours(1))) {
            assertThat(counts(second, "Key", fiveADayLessTwo, 9)).isEqualTo(2);
        }
    }

    @Test
    void tryCount_offsetOverTheLimit_refusesEveryRequestOfTheInitialPeriod() {
        try (QuotaCounter counter = new QuotaCounter(store, clock, Duration.ofHours(1))) {
            assertThat(counts(counter, "Key", new QuotaSpec(3, Period.DAY, 7), 4)).isZero();
        }
    }

    private static int counts(QuotaCounter counter, int requests) {
        return counts(counter, "Key", THREE_A_DAY, requests);
    }

    private static int counts(QuotaCounter counter, String keyId, QuotaSpec quota, int requests) {
        int counted = 0;
        for (int i = 0; i < requests; i++) {
            counted += counter.tryCount("Stack", "Plan", keyId, quota) ? 1 : 0;
        }
        return counted;
    }
}
