package com.flightwatch.platform.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnsEventJsonTest {

    private static final String TOPIC_ARN = "arn:aws:sns:us-east-1:000000000000:alerts";
    private static final String SUBSCRIPTION_ARN = TOPIC_ARN + ":6f1c2b9e-1111-2222-3333-444455556666";
    private static final Instant PUBLISHED = Instant.parse("2026-03-01T10:15:30.042Z");

    private final SnsEventJson events = new SnsEventJson("us-east-1", "http://127.0.0.1:3001");

    @Test
    void render_readByLambdasOwnSerializer_givesEveryFieldOfSnsEvent() {
        StoredMessage message = new StoredMessage("95df01b4-ee98-5cb9-9903-4c221d41eb5e", TOPIC_ARN, "Delay",
                "{\"alertId\":42}", Map.of("kind", MessageAttribute.string("DELAYED"),
                "count", new MessageAttribute("Number", "3")), PUBLISHED);

        byte[] json = events.render(SUBSCRIPTION_ARN, message);
        SNSEvent event = LambdaEventSerializers.serializerFor(SNSEvent.class, getClass().getClassLoader())
                .fromJson(new ByteArrayInputStream(json));

        assertThat(event.getRecords()).hasSize(1);
        SNSEvent.SNSRecord record = event.getRecords().get(0);
        assertThat(record.getEventSource()).isEqualTo("aws:sns");
        assertThat(record.getEventVersion()).isEqualTo("1.0");
        assertThat(record.getEventSubscriptionArn()).isEqualTo(SUBSCRIPTION_ARN);
        SNSEvent.SNS sns = record.getSNS();
        assertThat(sns.getType()).isEqualTo("Notification");
        assertThat(sns.getMessageId()).isEqualTo(message.messageId());
        assertThat(sns.getTopicArn()).isEqualTo(TOPIC_ARN);
        assertThat(sns.getSubject()).isEqualTo("Delay");
        assertThat(sns.getMessage()).isEqualTo("{\"alertId\":42}");
        assertThat(sns.getTimestamp().getMillis()).isEqualTo(PUBLISHED.toEpochMilli());
        assertThat(sns.getSignatureVersion()).isEqualTo("1");
        assertThat(sns.getSignature()).isNotBlank();
        assertThat(sns.getSigningCertUrl()).startsWith("https://sns.us-east-1.amazonaws.com/");
        assertThat(sns.getUnsubscribeUrl()).startsWith("http://127.0.0.1:3001/?Action=Unsubscribe&SubscriptionArn=arn%3Aaws%3Asns");
        assertThat(sns.getMessageAttributes()).containsOnlyKeys("kind", "count");
        assertThat(sns.getMessageAttributes().get("kind").getType()).isEqualTo("String");
        assertThat(sns.getMessageAttributes().get("kind").getValue()).isEqualTo("DELAYED");
        assertThat(sns.getMessageAttributes().get("count").getType()).isEqualTo("Number");
    }

    @Test
    void render_keepsSnsFieldNamesOrderAndNullSubject() throws Exception {
        StoredMessage message = new StoredMessage("id-1", TOPIC_ARN, null, "hello", Map.of(), PUBLISHED);

        JsonNode event = new ObjectMapper().readTree(events.render(SUBSCRIPTION_ARN, message));

        JsonNode record = event.get("Records").get(0);
        assertThat(fieldNames(record)).containsExactly("EventSource", "EventVersion", "EventSubscriptionArn", "Sns");
        JsonNode sns = record.get("Sns");
        assertThat(fieldNames(sns)).containsExactly("Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp",
                "SignatureVersion", "Signature", "SigningCertUrl", "UnsubscribeUrl", "MessageAttributes");
        assertThat(sns.get("Subject").isNull()).isTrue();
        assertThat(sns.get("Timestamp").asText()).isEqualTo("2026-03-01T10:15:30.042Z");
        assertThat(sns.get("MessageAttributes").isObject()).isTrue();
        assertThat(sns.get("MessageAttributes").size()).isZero();
    }

    @Test
    void render_whenMessageHasUnicodeAndQuotes_roundTripsExactly() {
        String text = "Vol AF123 retardé \"2 h\" ✈️ — 北京";
        StoredMessage message = new StoredMessage("id-2", TOPIC_ARN, null, text, Map.of(), PUBLISHED);

        String json = new String(events.render(SUBSCRIPTION_ARN, message), StandardCharsets.UTF_8);
        SNSEvent event = LambdaEventSerializers.serializerFor(SNSEvent.class, getClass().getClassLoader()).fromJson(json);

        assertThat(event.getRecords().get(0).getSNS().getMessage()).isEqualTo(text);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
