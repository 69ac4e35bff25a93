package com.flightwatch.platform.sns;

import java.time.Instant;

/**
 * A delivery that failed its last attempt. {@code deadLetterTargetArn} is the subscription's
 * RedrivePolicy target when it had one (the queue SNS would have sent it to), else null.
 */
public record DeadLetter(long deliveryId, String messageId, String subscriptionArn, String endpoint, int attempts,
                         String lastError, Instant deadAt, String deadLetterTargetArn) {
}
