package com.flightwatch.platform.sns;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Subscriptions: Subscribe (lambda at once; http/https after SNS's confirmation handshake),
 * ConfirmSubscription, Get/SetSubscriptionAttributes, Unsubscribe.
 */
final class SubscriptionAdmin {

    /** What SNS's Subscribe answers for a subscription that waits for its endpoint to confirm. */
    static final String PENDING_CONFIRMATION = "pending confirmation";

    private final TopicStore topics;
    private final SubscriptionAttributes attributes;
    private final Confirmations confirmations;
    private final Clock clock;

    SubscriptionAdmin(TopicStore topics, SubscriptionAttributes attributes, Confirmations confirmations, Clock clock) {
        this.topics = topics;
        this.attributes = attributes;
        this.confirmations = confirmations;
        this.clock = clock;
    }

    /**
     * Subscribes with attributes; when the subscription exists its attributes are set to these. An
     * http/https subscription starts pending and its endpoint is sent a SubscriptionConfirmation
     * (again, when it is still pending).
     * @return the subscription's ARN, or {@value #PENDING_CONFIRMATION} for a pending one unless
     *         {@code returnSubscriptionArn}, as SNS's ReturnSubscriptionArn
     */
    String subscribe(String topicArn, String protocol, String endpoint, Map<String, String> subscriptionAttributes,
                     boolean returnSubscriptionArn) {
        SnsRequests.topicArn(topicArn, "TopicArn");
        SubscriptionAttributes.validate(subscriptionAttributes);
        boolean needsConfirmation = SubscriptionEndpoints.requireValid(protocol, endpoint);
        TopicStore.Subscribed subscribed = topics.subscribe(topicArn, protocol, endpoint, needsConfirmation, SnsClock.now(clock));
        if (!subscriptionAttributes.isEmpty()) {
            attributes.set(subscribed.subscriptionArn(), subscriptionAttributes);
        }
        if (!subscribed.pendingConfirmation()) {
            return subscribed.subscriptionArn();
        }
        confirmations.send(topicArn, endpoint, subscribed.confirmationToken(), SnsClock.now(clock));
        return returnSubscriptionArn ? subscribed.subscriptionArn() : PENDING_CONFIRMATION;
    }

    /**
     * @return the confirmed subscription's ARN
     * @throws InvalidParameterException when no subscription of the topic was sent that token
     */
    String confirm(String topicArn, String token) {
        SnsRequests.topicArn(topicArn, "TopicArn");
        if (token == null || token.isEmpty()) {
            throw new InvalidParameterException("Invalid parameter: Token Reason: no value for required parameter");
        }
        if (!topics.topicExists(topicArn)) {
            throw new TopicNotFoundException("Topic does not exist");
        }
        return topics.confirm(topicArn, token).orElseThrow(() -> new InvalidParameterException("Invalid token"));
    }

    Map<String, String> getAttributes(String subscriptionArn) {
        return attributes.get(required(subscriptionArn));
    }

    void setAttribute(String subscriptionArn, String name, String value) {
        if (name == null || name.isEmpty()) {
            throw new InvalidParameterException("Invalid parameter: AttributeName Reason: no value for required parameter");
        }
        Map<String, String> attribute = new HashMap<>();
        attribute.put(name, value == null ? "" : value);
        attributes.set(required(subscriptionArn), attribute);
    }

    boolean unsubscribe(String subscriptionArn) {
        return topics.unsubscribe(required(subscriptionArn));
    }

    private static String required(String subscriptionArn) {
        if (subscriptionArn == null || subscriptionArn.isEmpty()) {
            throw new InvalidParameterException("Invalid parameter: SubscriptionArn Reason: no value for required parameter");
        }
        return subscriptionArn;
    }
}
