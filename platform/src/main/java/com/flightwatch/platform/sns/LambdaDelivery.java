package com.flightwatch.platform.sns;

import com.flightwatch.platform.lambda.InvocationResult;
import com.flightwatch.platform.lambda.Invoker;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at one delivery: invoke the subscribed function with the SNS event, then record the
 * outcome. A function error, a platform error and an exception from the invoker all count as a
 * failed attempt; after the last retry the delivery is dead-lettered.
 */
final class LambdaDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(LambdaDelivery.class);

    private final Invoker invoker;
    private final DeliveryQueue queue;
    private final SnsEventJson events;
    private final SnsSettings settings;
    private final Clock clock;

    LambdaDelivery(Invoker invoker, DeliveryQueue queue, SnsEventJson events, SnsSettings settings, Clock clock) {
        this.invoker = invoker;
        this.queue = queue;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    void attempt(Delivery delivery) {
        String failure = invoke(delivery);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (failure == null) {
            queue.markDelivered(delivery, now);
        } else if (delivery.attempt() > settings.retries()) {
            LOG.warn("Dead-lettering message {} for {} after {} attempt(s): {}", delivery.message().messageId(),
                    delivery.endpoint(), delivery.attempt(), failure);
            queue.deadLetter(delivery, now, failure);
        } else {
            Instant retryAt = now.plus(settings.retryDelay(delivery.attempt()));
            LOG.info("Delivery of message {} to {} failed (attempt {}): {}; retrying at {}", delivery.message().messageId(),
                    delivery.endpoint(), delivery.attempt(), failure, retryAt);
            queue.retryAt(delivery, retryAt, failure);
        }
    }

    /** @return null when the function handled the event, else why not */
    private String invoke(Delivery delivery) {
        if (!"lambda".equals(delivery.protocol())) {
            return "The platform delivers to lambda subscribers only, not " + delivery.protocol();
        }
        try {
            String functionName = LambdaEndpoints.functionName(delivery.endpoint());
            InvocationResult result = invoker.invoke(functionName, events.render(delivery.subscriptionArn(), delivery.message()));
            if (result.succeeded()) {
                return null;
            }
            return result.status() + (result.errorType() == null ? "" : " " + result.errorType())
                    + (result.errorMessage() == null ? "" : ": " + result.errorMessage());
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
