package com.flightwatch.platform.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Remembers what another lookup answered, for a short time, as API Gateway caches keys: a key check
 * then costs a map lookup instead of a database round trip on every request, and a key that is
 * disabled or removed stops working within {@code timeToLive}. Unknown values are remembered too, so
 * a client hammering with a wrong key does not hammer the database.
 *
 * <p>When the database is slow or away (stopped, restarting), a key seen before keeps its last
 * answer: the check waits {@link #STALE_AFTER} for a fresh one, then goes on with the old one while
 * the lookup finishes in the background (one per key at a time). Without this every request would
 * wait for the platform pool's timeout before its function was even asked.
 */
public final class CachedApiKeyLookup implements ApiKeyLookup {

    /** How long a check waits for the database before it answers from a known key's expired entry. */
    static final Duration STALE_AFTER = Duration.ofSeconds(1);
    private static final int MAX_ENTRIES = 10_000;
    private static final ExecutorService REFRESHES = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "api-key-refresh");
        thread.setDaemon(true);
        return thread;
    });

    private record Entry(Optional<ResolvedApiKey> key, long expiresAtMillis) {
    }

    private final ApiKeyLookup source;
    private final long timeToLiveMillis;
    private final Clock clock;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CompletableFuture<Optional<ResolvedApiKey>>> refreshing = new ConcurrentHashMap<>();

    public CachedApiKeyLookup(ApiKeyLookup source, Duration timeToLive, Clock clock) {
        this.source = source;
        this.timeToLiveMillis = timeToLive.toMillis();
        this.clock = clock;
    }

    @Override
    public Optional<ResolvedApiKey> findByValue(String value) {
        Entry entry = entries.get(value);
        if (entry != null && entry.expiresAtMillis() > clock.millis()) {
            return entry.key();
        }
        CompletableFuture<Optional<ResolvedApiKey>> refresh = refresh(value);
        try {
            return entry == null ? refresh.get() : refresh.get(STALE_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            return entry.key();
        } catch (ExecutionException failed) {
            if (entry != null) {
                return entry.key();
            }
            throw failed.getCause() instanceof RuntimeException cause ? cause
                    : new ApiKeyStoreException("Cannot look up an API key: " + failed.getCause(), failed.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiKeyStoreException("Interrupted while looking up an API key", e);
        }
    }

    /** The lookup of {@code value} in progress, or a new one; it fills the cache when it answers. */
    private CompletableFuture<Optional<ResolvedApiKey>> refresh(String value) {
        CompletableFuture<Optional<ResolvedApiKey>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<ResolvedApiKey>> running = refreshing.putIfAbsent(value, mine);
        if (running != null) {
            return running;
        }
        REFRESHES.execute(() -> {
            Optional<ResolvedApiKey> key;
            try {
                key = source.findByValue(value);
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear(); // random keys must not grow the heap; a refill costs one query per live key
                }
                entries.put(value, new Entry(key, clock.millis() + timeToLiveMillis));
            } catch (RuntimeException e) {
                refreshing.remove(value, mine);
                mine.completeExceptionally(e);
                return;
            }
            // Removed before it completes: a caller woken by the answer that asks again at once must
            // start a new lookup, not be handed this finished one.
            refreshing.remove(value, mine);
            mine.complete(key);
        });
        return mine;
    }
}
