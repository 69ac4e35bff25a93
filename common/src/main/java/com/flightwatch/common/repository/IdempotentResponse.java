package com.flightwatch.common.repository;

/**
 * The first answer given under an {@code Idempotency-Key}, and a hash of the request it answered,
 * so a repeat can be told from a different request that reuses the key.
 */
public record IdempotentResponse(String idempotencyKey, String requestHash, int statusCode, String body) {
}
