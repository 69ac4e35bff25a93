package com.flightwatch.platform.activations;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Activation records in memory, for tests and for running without a database. Keeps the newest {@code capacity}. */
public final class InMemoryActivationStore implements ActivationStore {

    /** Newest first, as {@link JdbcActivationStore} lists them. */
    static final Comparator<Activation> NEWEST_FIRST = Comparator.comparing(Activation::end)
            .thenComparing(Activation::activationId).reversed();
    private static final Comparator<Activation> OLDEST_STARTED_FIRST = Comparator.comparing(Activation::start)
            .thenComparing(Activation::activationId);

    private final int capacity;
    private final Map<String, Activation> activations = new ConcurrentHashMap<>();

    public InMemoryActivationStore(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public void record(Activation activation) {
        activations.putIfAbsent(activation.activationId(), activation);
        if (activations.size() > capacity) {
            deleteOldestBeyond(capacity, activations.size() - capacity);
        }
    }

    @Override
    public Optional<Activation> find(String activationId) {
        return Optional.ofNullable(activations.get(activationId));
    }

    @Override
    public List<Activation> list(ActivationQuery query) {
        return activations.values().stream()
                .filter(query::matches)
                .sorted(NEWEST_FIRST)
                .skip(query.skip())
                .limit(query.limit())
                .map(Activation::summary)
                .toList();
    }

    @Override
    public synchronized int deleteStartedBefore(Instant cutoff, int maxRows) {
        List<Activation> old = activations.values().stream().filter(a -> a.start().isBefore(cutoff))
                .sorted(OLDEST_STARTED_FIRST).limit(maxRows).toList();
        old.forEach(a -> activations.remove(a.activationId()));
        return old.size();
    }

    @Override
    public synchronized int deleteOldestBeyond(int keep, int maxRows) {
        int excess = activations.size() - keep;
        if (excess <= 0) {
            return 0;
        }
        List<Activation> oldest = activations.values().stream().sorted(OLDEST_STARTED_FIRST)
                .limit(Math.min(excess, maxRows)).toList();
        oldest.forEach(a -> activations.remove(a.activationId()));
        return oldest.size();
    }
}
