package com.flightwatch.platform.sns;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at one delivery, through the subscriber's protocol, then its outcome recorded: a
 * failure (an answer that is not success, or an exception) is retried with backoff, and after the
 * last retry the delivery is dead-lettered, with its RedrivePolicy's target when it has one.
 */
final class DeliveryAttempts {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryAttempts.class);

    private final Map<String, SubscriberDelivery> byProtocol;
    private final DeliveryQueue queue;
    private final SnsSettings settings;
    private final Clock clock;

    DeliveryAttempts(Map<String, SubscriberDelivery> byProtocol, DeliveryQueue queue, SnsSettings settings, Clock clock) {
        this.byProtocol = Map.copyOf(byProtocol);
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
    }

    void attempt(Delivery delivery) {
        String failure = deliver(delivery);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (failure == null) {
            queue.markDelivered(delivery, now);
        } else if (delivery.attempt() > settings.retries()) {
            LOG.warn("Dead-lettering message {} for {} after {} attempt(s){}: {}", delivery.message().messageId(),
                    delivery.endpoint(), delivery.attempt(),
                    delivery.deadLetterTargetArn() == null ? "" : " to " + delivery.deadLetterTargetArn(), failure);
            queue.deadLetter(delivery, now, failure);
        } else {
            Instant retryAt = now.plus(settings.retryDelay(delivery.attempt()));
            LOG.info("Delivery of message {} to {} failed (attempt {}): {}; retrying at {}", delivery.message().messageId(),
                    delivery.endpoint(), delivery.attempt(), failure, retryAt);
            queue.retryAt(delivery, retryAt, failure);
        }
    }

    private String deliver(Delivery delivery) {
        SubscriberDelivery protocol = byProtocol.get(delivery.protocol());
        if (protocol == null) {
            return "The platform does not deliver to " + delivery.protocol() + " subscribers";
        }
        try {
            return protocol.deliver(delivery);
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
