package com.flightwatch.platform.sns;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the {@code SubscriptionConfirmation} of an http/https subscription, once, without waiting
 * for the endpoint: Subscribe answers at once, as in SNS. An endpoint that missed it gets it again
 * when the same endpoint is subscribed again while still pending (SNS resends it the same way).
 */
final class Confirmations {

    private static final Logger LOG = LoggerFactory.getLogger(Confirmations.class);

    private final HttpEndpoints endpoints;
    private final HttpMessages messages;

    Confirmations(HttpEndpoints endpoints, HttpMessages messages) {
        this.endpoints = endpoints;
        this.messages = messages;
    }

    void send(String topicArn, String endpoint, String token, Instant now) {
        String messageId = UUID.randomUUID().toString();
        Map<String, String> headers = Map.of(
                "x-amz-sns-message-type", "SubscriptionConfirmation",
                "x-amz-sns-message-id", messageId,
                "x-amz-sns-topic-arn", topicArn);
        endpoints.postAsync(endpoint, headers, messages.confirmation(messageId, topicArn, token, now))
                .thenAccept(failure -> {
                    if (failure == null) {
                        LOG.info("Sent the subscription confirmation of {} to {}", topicArn, endpoint);
                    } else {
                        LOG.warn("Could not send the subscription confirmation of {} to {}: {}; subscribe again to resend it",
                                topicArn, endpoint, failure);
                    }
                });
    }
}
