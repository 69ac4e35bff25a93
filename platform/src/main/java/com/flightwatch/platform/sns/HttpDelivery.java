package com.flightwatch.platform.sns;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hands a message to an http/https subscriber: a POST of SNS's {@code Notification} JSON, or of
 * the bare message with {@code x-amz-sns-rawdelivery: true} when the subscription has
 * RawMessageDelivery, with SNS's {@code x-amz-sns-*} headers either way.
 */
final class HttpDelivery implements SubscriberDelivery {

    private final HttpEndpoints endpoints;
    private final HttpMessages messages;

    HttpDelivery(HttpEndpoints endpoints, HttpMessages messages) {
        this.endpoints = endpoints;
        this.messages = messages;
    }

    @Override
    public String deliver(Delivery delivery) {
        StoredMessage message = delivery.message();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amz-sns-message-type", "Notification");
        headers.put("x-amz-sns-message-id", message.messageId());
        headers.put("x-amz-sns-topic-arn", message.topicArn());
        headers.put("x-amz-sns-subscription-arn", delivery.subscriptionArn());
        String body;
        if (delivery.rawMessageDelivery()) {
            headers.put("x-amz-sns-rawdelivery", "true");
            body = message.message();
        } else {
            body = messages.notification(delivery.subscriptionArn(), message);
        }
        return endpoints.post(delivery.endpoint(), headers, body);
    }
}
