package com.flightwatch.platform.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers what another lookup answered, for a short time, as API Gateway caches keys: a key check
 * then costs a map lookup instead of a database round trip on every request, and a key that is
 * disabled or removed stops working within {@code timeToLive}. Unknown values are remembered too, so
 * a client hammering with a wrong key does not hammer the database.
 */
public final class CachedApiKeyLookup implements ApiKeyLookup {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Optional<ResolvedApiKey> key, long expiresAtMillis) {
    }

    private final ApiKeyLookup source;
    private final long timeToLiveMillis;
    private final Clock clock;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    public CachedApiKeyLookup(ApiKeyLookup source, Duration timeToLive, Clock clock) {
        this.source = source;
        this.timeToLiveMillis = timeToLive.toMillis();
        this.clock = clock;
    }

    @Override
    public Optional<ResolvedApiKey> findByValue(String value) {
        long now = clock.millis();
        Entry entry = entries.get(value);
        if (entry == null || entry.expiresAtMillis() <= now) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear(); // random keys must not grow the heap; a refill costs one query per live key
            }
            entry = new Entry(source.findByValue(value), now + timeToLiveMillis);
            entries.put(value, entry);
        }
        return entry.key();
    }
}
