package com.flightwatch.platform.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event a Lambda function subscribed to a topic receives, field for field as SNS sends it
 * (the shape {@code com.amazonaws.services.lambda.runtime.events.SNSEvent} reads). Locally nothing
 * is signed: the signature is a fixed placeholder, as no subscriber can check it anyway.
 */
public final class SnsEventJson {

    static final String UNSIGNED = "ZmxpZ2h0d2F0Y2gtbG9jYWwtdW5zaWduZWQ=";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String region;
    private final String publicEndpoint;

    public SnsEventJson(String region, String publicEndpoint) {
        this.region = region;
        this.publicEndpoint = publicEndpoint;
    }

    public byte[] render(String subscriptionArn, StoredMessage message) {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("EventSource", "aws:sns");
        record.put("EventVersion", "1.0");
        record.put("EventSubscriptionArn", subscriptionArn);
        ObjectNode sns = record.putObject("Sns");
        sns.put("Type", "Notification");
        sns.put("MessageId", message.messageId());
        sns.put("TopicArn", message.topicArn());
        sns.put("Subject", message.subject());
        sns.put("Message", message.message());
        sns.put("Timestamp", timestamp(message.publishedAt()));
        sns.put("SignatureVersion", "1");
        sns.put("Signature", UNSIGNED);
        sns.put("SigningCertUrl", "https://sns." + region + ".amazonaws.com/SimpleNotificationService-flightwatch-local.pem");
        sns.put("UnsubscribeUrl", publicEndpoint + "/?Action=Unsubscribe&SubscriptionArn="
                + URLEncoder.encode(subscriptionArn, StandardCharsets.UTF_8));
        ObjectNode attributes = sns.putObject("MessageAttributes");
        for (Map.Entry<String, MessageAttribute> attribute : new TreeMap<>(message.attributes()).entrySet()) {
            attributes.putObject(attribute.getKey())
                    .put("Type", attribute.getValue().type())
                    .put("Value", attribute.getValue().value());
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings always serializes", e);
        }
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }
}
