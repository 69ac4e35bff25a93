package com.flightwatch.platform.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ActivationPrunerTest {

    private static final Instant NOW = Instant.parse("2026-11-24T05:00:00Z");

    private final InMemoryActivationStore store = new InMemoryActivationStore(100_000);

    @Test
    void pruneNow_recordsPastTheRetention_areDeletedInBatchesAndTheRestKept() {
        for (int i = 0; i < 2_500; i++) {
            store.record(TestActivations.ended("old-" + i, NOW.minus(Duration.ofDays(8)).plusMillis(i)));
        }
        store.record(TestActivations.ended("recent", NOW.minus(Duration.ofDays(6))));

        ActivationPruner.Pruned pruned = pruner(Duration.ofDays(7), 10_000).pruneNow();

        assertThat(pruned).isEqualTo(new ActivationPruner.Pruned(2_500, 0));
        assertThat(store.find("recent")).isPresent();
        assertThat(store.find("old-2499")).isEmpty();
    }

    @Test
    void pruneNow_moreRecordsThanTheMaximum_deletesTheOldestFirst() {
        for (int i = 0; i < 1_500; i++) {
            store.record(TestActivations.ended("a-" + i, NOW.minusSeconds(2_000).plusSeconds(i)));
        }

        ActivationPruner.Pruned pruned = pruner(Duration.ofDays(7), 400).pruneNow();

        assertThat(pruned).isEqualTo(new ActivationPruner.Pruned(0, 1_100));
        assertThat(store.find("a-1099")).isEmpty();
        assertThat(store.find("a-1100")).isPresent();
        assertThat(store.find("a-1499")).isPresent();
    }

    @Test
    void constructor_nonPositiveRetentionOrMaximum_isRejectedNamingIt() {
        assertThatThrownBy(() -> pruner(Duration.ZERO, 1)).hasMessageContaining("retention");
        assertThatThrownBy(() -> pruner(Duration.ofDays(1), 0)).hasMessageContaining("maxActivations");
    }

    private ActivationPruner pruner(Duration retention, int max) {
        return new ActivationPruner(store, retention, max, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
