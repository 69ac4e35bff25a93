package com.flightwatch.platform.stack;

/**
 * A token-bucket throttle as API Gateway declares it: {@code rateLimit} requests per second refill
 * a bucket of {@code burstLimit} tokens.
 *
 * @param rateLimit  steady requests per second
 * @param burstLimit bucket size; the most requests served at once after a quiet spell
 */
public record ThrottleSpec(double rateLimit, int burstLimit) {
}
