package com.flightwatch.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.stack.ThrottleSpec;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void tryTake_burstAtOnce_servesTheBurstLimitThenRefuses() {
        TokenBucket bucket = new TokenBucket(new ThrottleSpec(5, 10), nanos::get);

        assertThat(takes(bucket, 15)).isEqualTo(10);
    }

    @Test
    void tryTake_afterAWait_servesTheRateTimesTheWait() {
        TokenBucket bucket = new TokenBucket(new ThrottleSpec(5, 10), nanos::get);
        takes(bucket, 10);

        nanos.addAndGet(600_000_000L);

        assertThat(takes(bucket, 10)).isEqualTo(3);
    }

    @Test
    void tryTake_longQuiet_refillsNoMoreThanTheBurstLimit() {
        TokenBucket bucket = new TokenBucket(new ThrottleSpec(100, 4), nanos::get);
        takes(bucket, 4);

        nanos.addAndGet(60_000_000_000L);

        assertThat(takes(bucket, 10)).isEqualTo(4);
    }

    private static int takes(TokenBucket bucket, int attempts) {
        int served = 0;
        for (int i = 0; i < attempts; i++) {
            served += bucket.tryTake() ? 1 : 0;
        }
        return served;
    }
}
