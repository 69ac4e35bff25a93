package com.flightwatch.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClaimLeaseTest {

    private static final Instant NOW = Instant.parse("2026-12-24T14:00:05Z");

    @Test
    void until_invocationWith30SecondsLeft_endsAtItsDeadlinePlusTheMargin() {
        assertThat(ClaimLease.until(NOW, Duration.ofSeconds(30))).isEqualTo(NOW.plusSeconds(30).plus(ClaimLease.MARGIN));
    }

    @Test
    void until_moreThanLambdaAllows_isBoundedByTheLongestInvocation() {
        assertThat(ClaimLease.until(NOW, Duration.ofHours(2)))
                .isEqualTo(NOW.plus(ClaimLease.LONGEST_INVOCATION).plus(ClaimLease.MARGIN));
    }

    @Test
    void timeLeft_contextWithADeadline_isItsRemainingTime() {
        assertThat(ClaimLease.timeLeft(DeadlineContext.withRemainingMillis(29_500))).isEqualTo(Duration.ofMillis(29_500));
    }

    @Test
    void timeLeft_noContext_isTheLongestInvocation() {
        assertThat(ClaimLease.timeLeft(null)).isEqualTo(ClaimLease.LONGEST_INVOCATION);
    }

    @Test
    void timeLeft_contextWithoutRemainingTime_isTheLongestInvocation() {
        assertThat(ClaimLease.timeLeft(DeadlineContext.withRemainingMillis(0))).isEqualTo(ClaimLease.LONGEST_INVOCATION);
    }
}
