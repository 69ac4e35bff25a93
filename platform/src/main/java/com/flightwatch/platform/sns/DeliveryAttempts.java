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
    private final SnsObserver observer;

    DeliveryAttempts(Map<String, SubscriberDelivery> byProtocol, DeliveryQueue queue, SnsSettings settings, Clock clock,
                     SnsObserver observer) {
        this.byProtocol = Map.copyOf(byProtocol);
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
        this.observer = observer;
    }

    void attempt(Delivery delivery) {
        String failure = deliver(delivery);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (failure == null) {
            recordUntilStored(delivery, () -> queue.markDelivered(delivery, now));
            observer.delivered(delivery.message().topicArn(), delivery.protocol());
        } else if (delivery.attempt() > settings.retries()) {
            LOG.warn("Dead-lettering message {} for {} after {} attempt(s){}: {}", delivery.message().messageId(),
                    delivery.endpoint(), delivery.attempt(),
                    delivery.deadLetterTargetArn() == null ? "" : " to " + delivery.deadLetterTargetArn(), failure);
            recordUntilStored(delivery, () -> queue.deadLetter(delivery, now, failure));
            observer.deadLettered(delivery.message().topicArn(), delivery.protocol());
        } else {
            Instant retryAt = now.plus(settings.retryDelay(delivery.attempt()));
            LOG.info("Delivery of message {} to {} failed (attempt {}): {}; retrying at {}", delivery.message().messageId(),
                    delivery.endpoint(), delivery.attempt(), failure, retryAt);
            recordUntilStored(delivery, () -> queue.retryAt(delivery, retryAt, failure));
            observer.retried(delivery.message().topicArn(), delivery.protocol());
        }
    }

    /**
     * Stores a delivery's outcome, trying again while the database cannot be reached (stopped,
     * restarting). Without this, an outcome lost to an outage would wait for the delivery's lease to
     * expire (16 minutes by default) before anyone retried it. Gives up after the lease duration, or
     * when the platform stops the worker, and then the lease's expiry still redelivers it.
     */
    private void recordUntilStored(Delivery delivery, Runnable write) {
        long deadline = System.nanoTime() + settings.leaseDuration().toNanos();
        for (int tries = 1; ; tries++) {
            try {
                write.run();
                if (tries > 1) {
                    LOG.info("Recorded the outcome of delivery {} after {} tries", delivery.id(), tries);
                }
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                if (tries == 1) {
                    LOG.warn("Cannot record the outcome of delivery {} ({}); trying again every {} s", delivery.id(),
                            e.getMessage(), settings.pollInterval().toSeconds());
                }
                try {
                    Thread.sleep(settings.pollInterval().toMillis());
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
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
