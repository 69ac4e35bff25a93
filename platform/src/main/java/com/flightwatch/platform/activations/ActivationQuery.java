package com.flightwatch.platform.activations;

import java.time.Instant;

/**
 * Which activations to list, newest first (by when they ended).
 *
 * @param functionName null for every function
 * @param status       null for every status
 * @param since        null, or only activations that ended at or after it
 * @param upto         null, or only activations that ended at or before it
 * @param limit        at most this many
 * @param skip         after leaving out this many of the newest (for paging)
 */
public record ActivationQuery(String functionName, String status, Instant since, Instant upto, int limit, int skip) {

    public static final int DEFAULT_LIMIT = 30;
    public static final int MAX_LIMIT = 200;

    public ActivationQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        if (skip < 0) {
            throw new IllegalArgumentException("skip must be 0 or more, not " + skip);
        }
        if (since != null && upto != null && upto.isBefore(since)) {
            throw new IllegalArgumentException("upto must not be before since, not " + upto + " < " + since);
        }
    }

    /** The newest {@code limit} activations, of one function or status when not null. */
    public ActivationQuery(String functionName, String status, int limit) {
        this(functionName, status, null, null, limit, 0);
    }

    /** Whether an activation passes every filter (paging aside). */
    public boolean matches(Activation activation) {
        return (functionName == null || functionName.equals(activation.functionName()))
                && (status == null || status.equals(activation.status()))
                && (since == null || !activation.end().isBefore(since))
                && (upto == null || !activation.end().isAfter(upto));
    }
}
