package com.flightwatch.platform.activations;

import java.time.Instant;
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

    /** @return the matching activations without result and logs ({@link Activation#summary}), newest first */
    List<Activation> list(ActivationQuery query);

    /**
     * Deletes at most {@code maxRows} of the records that started before {@code cutoff}: a bounded
     * batch, so that the table is never locked for long.
     *
     * @return how many were deleted
     */
    int deleteStartedBefore(Instant cutoff, int maxRows);

    /**
     * Deletes at most {@code maxRows} of the oldest records beyond the newest {@code keep}.
     *
     * @return how many were deleted
     */
    int deleteOldestBeyond(int keep, int maxRows);
}
