package com.flightwatch.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CachedApiKeyLookupTest {

    private final Map<String, ResolvedApiKey> stored = new HashMap<>();
    private int queries;
    private final ApiKeyLookup source = value -> {
        queries++;
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

    private static ResolvedApiKey key(String value, boolean enabled) {
        return new ResolvedApiKey("Stack", "Key", "key", value, enabled);
    }
}
