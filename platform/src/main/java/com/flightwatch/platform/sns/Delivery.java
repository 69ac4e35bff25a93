package com.flightwatch.platform.sns;

/**
 * One message on its way to one subscriber, as a worker claimed it. {@code attempt} counts this
 * attempt (1 for the first); {@code claimToken} proves the claim when the outcome is recorded, so a
 * worker whose lease ran out cannot overwrite what a newer claim did. {@code rawMessageDelivery} and
 * {@code deadLetterTargetArn} (from the RedrivePolicy; null without one) are the subscription's at claim time.
 */
public record Delivery(long id, String claimToken, int attempt, String subscriptionArn, String protocol,
                       String endpoint, StoredMessage message, boolean rawMessageDelivery, String deadLetterTargetArn) {
}
