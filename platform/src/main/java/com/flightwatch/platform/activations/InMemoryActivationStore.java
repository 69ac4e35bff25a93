package com.flightwatch.platform.activations;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Activation records in memory, for tests and for running without a database. Keeps the newest {@code capacity}. */
public final class InMemoryActivationStore implements ActivationStore {

    private final int capacity;
    private final Map<String, Activation> activations = new ConcurrentHashMap<>();

    public InMemoryActivationStore(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public void record(Activation activation) {
        activations.put(activation.activationId(), activation);
        if (activations.size() > capacity) {
            activations.values().stream().min(Comparator.comparing(Activation::start))
                    .ifPresent(oldest -> activations.remove(oldest.activationId()));
        }
    }

    @Override
    public Optional<Activation> find(String activationId) {
        return Optional.ofNullable(activations.get(activationId));
    }

    @Override
    public List<Activation> list(ActivationQuery query) {
        return activations.values().stream()
                .filter(a -> query.functionName() == null || query.functionName().equals(a.functionName()))
                .filter(a -> query.status() == null || query.status().equals(a.status()))
                .sorted(Comparator.comparing(Activation::start).reversed())
                .limit(query.limit())
                .toList();
    }
}
