package com.flightwatch.platform.activations;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.store.EmbeddedMariaDb;
import com.flightwatch.platform.store.PlatformDatabase;
import com.flightwatch.platform.store.TestMariaDb;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pruning and the V8 columns against a real embedded MariaDB, with the pruner's clock fixed. */
class ActivationPrunerIT {

    private static final Instant NOW = Instant.parse("2026-11-24T05:00:00Z");

    static EmbeddedMariaDb db;
    static HikariDataSource data;
    static JdbcActivationStore store;

    @BeforeAll
    static void start() {
        db = TestMariaDb.startFresh("activation-pruner");
        data = PlatformDatabase.open(db.jdbcUrl(PlatformDatabase.DATABASE_NAME), EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD);
        store = new JdbcActivationStore(data);
    }

    @AfterAll
    static void stop() {
        data.close();
        db.close();
    }

    @BeforeEach
    void emptyTable() throws SQLException {
        execute("DELETE FROM platform_activations");
    }

    @Test
    void pruneNow_recordsPastTheRetention_areDeletedInSeveralBoundedBatches() {
        List<Activation> activations = new ArrayList<>();
        for (int i = 0; i < 2_300; i++) {
            activations.add(TestActivations.ended("old-" + i, NOW.minus(Duration.ofDays(8)).plusSeconds(i)));
        }
        activations.add(TestActivations.ended("kept", NOW.minus(Duration.ofDays(7)).plusSeconds(1)));
        store.recordAll(activations);

        ActivationPruner.Pruned pruned = pruner(Duration.ofDays(7), 100_000).pruneNow();

        assertThat(pruned).isEqualTo(new ActivationPruner.Pruned(2_300, 0));
        assertThat(store.find("kept")).isPresent();
        assertThat(store.find("old-2299")).isEmpty();
    }

    @Test
    void pruneNow_moreThanTheMaximum_keepsTheNewest() {
        List<Activation> activations = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            activations.add(TestActivations.ended("n-" + i, NOW.minusSeconds(10_000).plusSeconds(i)));
        }
        store.recordAll(activations);

        ActivationPruner.Pruned pruned = pruner(Duration.ofDays(7), 200).pruneNow();

        assertThat(pruned).isEqualTo(new ActivationPruner.Pruned(0, 1_300));
        assertThat(store.find("n-1299")).isEmpty();
        assertThat(store.find("n-1300")).isPresent();
        assertThat(store.list(new ActivationQuery(null, null, 200))).hasSize(200);
    }

    @Test
    void pruneNow_runTwice_deletesNothingTheSecondTime() {
        store.recordAll(List.of(TestActivations.ended("a", NOW.minus(Duration.ofDays(30))),
                TestActivations.ended("b", NOW.minusSeconds(1))));
        ActivationPruner pruner = pruner(Duration.ofDays(7), 10);

        assertThat(pruner.pruneNow()).isEqualTo(new ActivationPruner.Pruned(1, 0));
        assertThat(pruner.pruneNow()).isEqualTo(new ActivationPruner.Pruned(0, 0));
    }

    @Test
    void find_rowWrittenBeforeV8_readsWithDefaults() throws SQLException {
        execute("INSERT INTO platform_activations (activation_id, function_name, trigger_source, started_at, ended_at,"
                + " duration_ms, status, logs) VALUES ('v7-row', 'fn', 'gateway', '2026-11-24 04:00:00.000',"
                + " '2026-11-24 04:00:00.005', 5, 'SUCCESS', '')");

        Activation activation = store.find("v7-row").orElseThrow();

        assertThat(activation.version()).isEqualTo("$LATEST");
        assertThat(activation.waitTimeMs()).isZero();
        assertThat(activation.cause()).isNull();
        assertThat(activation.kind()).isNull();
        assertThat(activation.memoryLimitMb()).isNull();
    }

    @Test
    void recordAll_thenFind_keepsEveryV8Field() {
        Activation written = new Activation("full", "fn", Activation.LATEST, "topic", "message-1",
                NOW.minusMillis(9), NOW, 9, 250L, 33, "SUCCESS", null, null, "{}", "log\n", "java21", 256);
        store.recordAll(List.of(written));

        assertThat(store.find("full")).contains(written);
    }

    private static ActivationPruner pruner(Duration retention, int max) {
        return new ActivationPruner(store, retention, max, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = data.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
