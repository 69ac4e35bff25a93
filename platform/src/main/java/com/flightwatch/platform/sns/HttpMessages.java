package com.flightwatch.platform.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON documents SNS POSTs to http/https subscribers, field for field: the
 * {@code SubscriptionConfirmation} and the {@code Notification}. Nothing is signed locally: the
 * Signature is the same fixed placeholder as in lambda events, so a subscriber that verifies
 * signatures against Amazon's certificate must skip that check on the platform.
 */
final class HttpMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String region;
    private final String publicEndpoint;

    HttpMessages(String region, String publicEndpoint) {
        this.region = region;
        this.publicEndpoint = publicEndpoint;
    }

    /** The URL whose GET confirms the subscription: the control plane's ConfirmSubscription action. */
    String subscribeUrl(String topicArn, String token) {
        return publicEndpoint + "/?Action=ConfirmSubscription&TopicArn=" + encode(topicArn) + "&Token=" + encode(token);
    }

    String confirmation(String messageId, String topicArn, String token, Instant timestamp) {
        ObjectNode message = JSON.createObjectNode();
        message.put("Type", "SubscriptionConfirmation");
        message.put("MessageId", messageId);
        message.put("Token", token);
        message.put("TopicArn", topicArn);
        message.put("Message", "You have chosen to subscribe to the topic " + topicArn
                + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.");
        message.put("SubscribeURL", subscribeUrl(topicArn, token));
        message.put("Timestamp", SnsEventJson.timestamp(timestamp));
        signature(message);
        return write(message);
    }

    String notification(String subscriptionArn, StoredMessage stored) {
        ObjectNode message = JSON.createObjectNode();
        message.put("Type", "Notification");
        message.put("MessageId", stored.messageId());
        message.put("TopicArn", stored.topicArn());
        if (stored.subject() != null) {
            message.put("Subject", stored.subject());
        }
        message.put("Message", stored.message());
        message.put("Timestamp", SnsEventJson.timestamp(stored.publishedAt()));
        signature(message);
        message.put("UnsubscribeURL", publicEndpoint + "/?Action=Unsubscribe&SubscriptionArn=" + encode(subscriptionArn));
        if (!stored.attributes().isEmpty()) {
            ObjectNode attributes = message.putObject("MessageAttributes");
            for (Map.Entry<String, MessageAttribute> attribute : new TreeMap<>(stored.attributes()).entrySet()) {
                attributes.putObject(attribute.getKey())
                        .put("Type", attribute.getValue().type())
                        .put("Value", attribute.getValue().value());
            }
        }
        return write(message);
    }

    private void signature(ObjectNode message) {
        message.put("SignatureVersion", "1");
        message.put("Signature", SnsEventJson.UNSIGNED);
        message.put("SigningCertURL", "https://sns." + region + ".amazonaws.com/SimpleNotificationService-flightwatch-local.pem");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String write(ObjectNode message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings always serializes", e);
        }
    }
}
