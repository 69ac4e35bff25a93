package com.flightwatch.platform.sns;

import java.time.Instant;

/** A delivery that failed its last attempt. */
public record DeadLetter(long deliveryId, String messageId, String subscriptionArn, String endpoint, int attempts,
                         String lastError, Instant deadAt) {
}
