package com.flightwatch.platform.gateway;

import com.flightwatch.platform.stack.ThrottleSpec;
import java.util.function.LongSupplier;

/**
 * API Gateway's account-level throttle: one token bucket for every API of the account in a region
 * (by default 10,000 requests/s steady, a burst of 5,000). On the platform the account is the
 * platform: share one instance between its gateways. Over it: 429 Too Many Requests.
 */
public final class AccountThrottle {

    /** API Gateway's default account-level limit per region. */
    public static final ThrottleSpec DEFAULT_LIMIT = new ThrottleSpec(10_000, 5_000);

    private final TokenBucket bucket;

    public AccountThrottle(ThrottleSpec limit) {
        this(limit, System::nanoTime);
    }

    AccountThrottle(ThrottleSpec limit, LongSupplier nanoClock) {
        if (limit.rateLimit() <= 0 || limit.burstLimit() < 1) {
            throw new IllegalArgumentException("The account throttle needs a positive rate and a burst of at least 1, not "
                    + limit.rateLimit() + "/s burst " + limit.burstLimit());
        }
        this.bucket = new TokenBucket(limit, nanoClock);
    }

    /** @throws ThrottledException when the account's bucket is empty */
    void take() {
        if (!bucket.tryTake()) {
            throw new ThrottledException();
        }
    }
}
