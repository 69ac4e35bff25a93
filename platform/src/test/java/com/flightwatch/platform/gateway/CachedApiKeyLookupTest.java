package com.flightwatch.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CachedApiKeyLookupTest {

    private final Map<String, ResolvedApiKey> stored = new HashMap<>();
    private int queries;
    private volatile boolean databaseDown;
    private final CountDownLatch databaseBack = new CountDownLatch(1);
    private volatile boolean databaseHangs;
    private final ApiKeyLookup source = value -> {
        queries++;
        if (databaseDown) {
            throw new ApiKeyStoreException("Cannot look up an API key: Connection is not available");
        }
        if (databaseHangs) {
            try {
                databaseBack.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Optional.ofNullable(stored.get(value));
    };
    private Instant now = Instant.parse("2026-11-24T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final CachedApiKeyLookup cache = new CachedApiKeyLookup(source, Duration.ofSeconds(5), clock);

    @Test
    void findByValue_repeatedWithinTtl_asksTheSourceOnce() {
        stored.put("k1", key("k1", true));

        assertThat(cache.findByValue("k1")).isPresent();
        assertThat(cache.findByValue("k1")).isPresent();
        assertThat(cache.findByValue("wrong")).isEmpty();
        assertThat(cache.findByValue("wrong")).isEmpty();

        assertThat(queries).isEqualTo(2);
    }

    @Test
    void findByValue_afterTtl_seesTheKeyDisabled() {
        stored.put("k1", key("k1", true));
        assertThat(cache.findByValue("k1")).hasValueSatisfying(key -> assertThat(key.enabled()).isTrue());

        stored.put("k1", key("k1", false));
        now = now.plusSeconds(6);

        assertThat(cache.findByValue("k1")).hasValueSatisfying(key -> assertThat(key.enabled()).isFalse());
    }

    @Test
    void findByValue_databaseDownAfterTtl_answersTheLastKnownKey() {
        stored.put("k1", key("k1", true));
        assertThat(cache.findByValue("k1")).isPresent();
        databaseDown = true;
        now = now.plusSeconds(6);

        assertThat(cache.findByValue("k1")).hasValueSatisfying(key -> assertThat(key.enabled()).isTrue());
    }

    @Test
    void findByValue_databaseDownAndKeyNeverSeen_fails() {
        databaseDown = true;

        assertThatThrownBy(() -> cache.findByValue("k1")).isInstanceOf(ApiKeyStoreException.class);
    }

    @Test
    void findByValue_databaseHangsAfterTtl_answersTheLastKnownKeyAndTakesTheFreshOneWhenItComes() throws Exception {
        stored.put("k1", key("k1", true));
        assertThat(cache.findByValue("k1")).isPresent();
        databaseHangs = true;
        stored.put("k1", key("k1", false));
        now = now.plusSeconds(6);

        assertThat(cache.findByValue("k1")).as("stale, after waiting " + CachedApiKeyLookup.STALE_AFTER)
                .hasValueSatisfying(key -> assertThat(key.enabled()).isTrue());
        databaseBack.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (cache.findByValue("k1").orElseThrow().enabled() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(cache.findByValue("k1")).hasValueSatisfying(key -> assertThat(key.enabled()).isFalse());
    }

    private static ResolvedApiKey key(String value, boolean enabled) {
        return new ResolvedApiKey("Stack", "Key", "key", value, enabled);
    }
}
