package com.flightwatch.sms;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;
import java.time.Instant;

/**
 * How long an SMS claim is held: until the invocation that took it can no longer be running. A
 * claim left by a crashed invocation then expires soon after its deadline (the SMS function's
 * timeout, 30 s) instead of after Lambda's 15-minute maximum, and no claim expires while its holder
 * may still be sending.
 */
final class ClaimLease {

    /**
     * Beyond the deadline: the runtime stops a timed-out invocation a little after its deadline, and
     * the claim's clock and the deadline's clock may differ by a little.
     */
    static final Duration MARGIN = Duration.ofSeconds(10);
    /** Without a context (called outside Lambda) or its deadline: the longest a Lambda may run. */
    static final Duration LONGEST_INVOCATION = Duration.ofMinutes(15);

    private ClaimLease() {
    }

    /** The time the invocation has left, or {@link #LONGEST_INVOCATION} when it does not say. */
    static Duration timeLeft(Context context) {
        if (context == null) {
            return LONGEST_INVOCATION;
        }
        int remainingMillis = context.getRemainingTimeInMillis();
        // 0 or less: a context without a deadline (some test doubles) or an invocation already past it;
        // either way the deadline says nothing, so the claim must outlast any invocation.
        return remainingMillis > 0 ? Duration.ofMillis(remainingMillis) : LONGEST_INVOCATION;
    }

    /** The end of a claim taken at {@code now} by an invocation with {@code timeLeft} to run. */
    static Instant until(Instant now, Duration timeLeft) {
        Duration bounded = timeLeft.isNegative() || timeLeft.compareTo(LONGEST_INVOCATION) > 0 ? LONGEST_INVOCATION : timeLeft;
        return now.plus(bounded).plus(MARGIN);
    }
}
