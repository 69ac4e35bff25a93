package com.flightwatch.platform;

import com.flightwatch.platform.gateway.AccountThrottle;
import com.flightwatch.platform.stack.ThrottleSpec;
import java.time.Duration;

/**
 * How much the platform keeps running and how much it remembers.
 *
 * @param maxConcurrency      the most instances of one function that run at once, unless its template
 *                            reserves another figure ({@code flightwatch up --max-concurrency})
 * @param idleTimeout         how long a warm instance may wait for work before it is stopped
 * @param activationRetention how long activation records are kept
 * @param maxActivations      how many activation records are kept at most (the oldest go first)
 * @param accountThrottle     API Gateway's account-level throttle, shared by every API (AWS's default:
 *                            10,000 requests/s, burst 5,000)
 */
public record PlatformLimits(int maxConcurrency, Duration idleTimeout, Duration activationRetention,
                             int maxActivations, ThrottleSpec accountThrottle) {

    /** Limits with AWS's default account throttle. */
    public PlatformLimits(int maxConcurrency, Duration idleTimeout, Duration activationRetention, int maxActivations) {
        this(maxConcurrency, idleTimeout, activationRetention, maxActivations, AccountThrottle.DEFAULT_LIMIT);
    }

    public static final int DEFAULT_MAX_CONCURRENCY = 10;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_ACTIVATION_RETENTION = Duration.ofDays(7);
    public static final int DEFAULT_MAX_ACTIVATIONS = 100_000;

    public PlatformLimits {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, not " + maxConcurrency);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, not " + idleTimeout);
        }
        if (activationRetention.isNegative() || activationRetention.isZero()) {
            throw new IllegalArgumentException("activationRetention must be positive, not " + activationRetention);
        }
        if (maxActivations < 1) {
            throw new IllegalArgumentException("maxActivations must be at least 1, not " + maxActivations);
        }
        if (accountThrottle.rateLimit() <= 0 || accountThrottle.burstLimit() < 1) {
            throw new IllegalArgumentException("the account throttle needs a positive rate and a burst of at least 1,"
                    + " not " + accountThrottle.rateLimit() + "/" + accountThrottle.burstLimit());
        }
    }

    public static PlatformLimits defaults() {
        return new PlatformLimits(DEFAULT_MAX_CONCURRENCY, DEFAULT_IDLE_TIMEOUT, DEFAULT_ACTIVATION_RETENTION,
                DEFAULT_MAX_ACTIVATIONS);
    }

    public PlatformLimits withMaxConcurrency(int value) {
        return new PlatformLimits(value, idleTimeout, activationRetention, maxActivations, accountThrottle);
    }

    public PlatformLimits withIdleTimeout(Duration value) {
        return new PlatformLimits(maxConcurrency, value, activationRetention, maxActivations, accountThrottle);
    }

    public PlatformLimits withActivationRetention(Duration value, int maxCount) {
        return new PlatformLimits(maxConcurrency, idleTimeout, value, maxCount, accountThrottle);
    }

    public PlatformLimits withAccountThrottle(ThrottleSpec value) {
        return new PlatformLimits(maxConcurrency, idleTimeout, activationRetention, maxActivations, value);
    }
}
