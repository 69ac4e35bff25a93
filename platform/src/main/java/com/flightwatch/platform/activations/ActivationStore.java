package com.flightwatch.platform.activations;

import java.util.List;
import java.util.Optional;

/** Where activation records are kept. */
public interface ActivationStore {

    void record(Activation activation);

    Optional<Activation> find(String activationId);

    /** @return the matching activations, newest first */
    List<Activation> list(ActivationQuery query);
}
