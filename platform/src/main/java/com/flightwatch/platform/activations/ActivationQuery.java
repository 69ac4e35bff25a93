package com.flightwatch.platform.activations;

/**
 * Which activations to list, newest first.
 *
 * @param functionName null for every function
 * @param status       null for every status
 */
public record ActivationQuery(String functionName, String status, int limit) {

    public static final int DEFAULT_LIMIT = 30;
    public static final int MAX_LIMIT = 200;

    public ActivationQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
    }
}
