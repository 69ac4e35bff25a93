package com.flightwatch.platform.activations;

import java.util.List;
import java.util.Optional;

/** Where activation records are kept. */
public interface ActivationStore {

    void record(Activation activation);

    /** Several records at once; stores that can write them in one round trip override this. */
    default void recordAll(List<Activation> activations) {
        activations.forEach(this::record);
    }

    Optional<Activation> find(String activationId);

    /** @return the matching activations, newest first */
    List<Activation> list(ActivationQuery query);
}
