package com.flightwatch.platform.gateway;

import com.flightwatch.platform.stack.ThrottleSpec;
import java.util.function.LongSupplier;

/**
 * API Gateway's throttle: a bucket of {@code burstLimit} tokens, full at first, refilled at
 * {@code rateLimit} tokens per second; a request takes one token or is refused.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private double tokens;
    private long refilledAtNanos;

    TokenBucket(ThrottleSpec throttle, LongSupplier nanoClock) {
        this.capacity = throttle.burstLimit();
        this.tokensPerNano = throttle.rateLimit() / NANOS_PER_SECOND;
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.refilledAtNanos = nanoClock.getAsLong();
    }

    synchronized boolean tryTake() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAtNanos) * tokensPerNano);
        refilledAtNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
