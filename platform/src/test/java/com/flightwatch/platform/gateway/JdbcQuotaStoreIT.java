package com.flightwatch.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.stack.QuotaSpec;
import com.flightwatch.platform.store.EmbeddedMariaDb;
import com.flightwatch.platform.store.PlatformDatabase;
import com.flightwatch.platform.store.TestMariaDb;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quota counts in a real embedded MariaDB, migrated by the platform's Flyway migrations. */
class JdbcQuotaStoreIT {

    private static final QuotaSpec FIVE_A_WEEK = new QuotaSpec(5, QuotaSpec.Period.WEEK, 0);
    private static final Clock WEDNESDAY = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void tryCount_platformAndDatabaseRestarted_continuesTheCount() {
        Path dataDir = TestMariaDb.freshDataDir("usage-quota-restart");
        try (EmbeddedMariaDb db = start(dataDir); HikariDataSource data = open(db);
             QuotaCounter quotas = new QuotaCounter(new JdbcQuotaStore(data), WEDNESDAY, Duration.ofMinutes(1))) {
            for (int i = 0; i < 3; i++) {
                assertThat(quotas.tryCount("Library", "Plan", "Key", FIVE_A_WEEK)).isTrue();
            }
        }
        try (EmbeddedMariaDb db = start(dataDir); HikariDataSource data = open(db);
             QuotaCounter quotas = new QuotaCounter(new JdbcQuotaStore(data), WEDNESDAY, Duration.ofMinutes(1))) {
            assertThat(quotas.tryCount("Library", "Plan", "Key", FIVE_A_WEEK)).isTrue();
            assertThat(quotas.tryCount("Library", "Plan", "Key", FIVE_A_WEEK)).isTrue();
            assertThat(quotas.tryCount("Library", "Plan", "Key", FIVE_A_WEEK)).isFalse();
            assertThat(quotas.tryCount("Library", "Plan", "OtherKey", FIVE_A_WEEK)).isTrue();
        }
    }

    @Test
    void add_twoGatewaysCounting_addsUpTheirCounts() {
        try (EmbeddedMariaDb db = TestMariaDb.startFresh("usage-quota-add"); HikariDataSource data = open(db)) {
            JdbcQuotaStore store = new JdbcQuotaStore(data);
            QuotaUsageKey key = new QuotaUsageKey("Library", "Plan", "Key", Instant.parse("2026-11-23T00:00:00Z"));

            store.add(Map.of(key, 3L));
            store.add(Map.of(key, 4L));

            assertThat(store.used(key)).isEqualTo(7);
            assertThat(store.used(new QuotaUsageKey("Library", "Plan", "Key", Instant.parse("2026-11-30T00:00:00Z"))))
                    .isZero();
        }
    }

    @Test
    void firstPeriod_countsInSeveralPeriods_isTheEarliestOfThatPlan() {
        try (EmbeddedMariaDb db = TestMariaDb.startFresh("usage-quota-first"); HikariDataSource data = open(db)) {
            JdbcQuotaStore store = new JdbcQuotaStore(data);
            assertThat(store.firstPeriod("Library", "Plan")).isEmpty();

            store.add(Map.of(new QuotaUsageKey("Library", "Plan", "Key", Instant.parse("2026-11-30T00:00:00Z")), 1L,
                    new QuotaUsageKey("Library", "Plan", "OtherKey", Instant.parse("2026-11-23T00:00:00Z")), 1L,
                    new QuotaUsageKey("Library", "OtherPlan", "Key", Instant.parse("2026-11-16T00:00:00Z")), 1L));

            assertThat(store.firstPeriod("Library", "Plan")).contains(Instant.parse("2026-11-23T00:00:00Z"));
        }
    }

    private static EmbeddedMariaDb start(Path dataDir) {
        return EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(TestMariaDb.baseDir(), dataDir, 0));
    }

    private static HikariDataSource open(EmbeddedMariaDb db) {
        return PlatformDatabase.open(db.jdbcUrl(PlatformDatabase.DATABASE_NAME), EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD);
    }
}
