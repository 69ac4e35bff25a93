package com.flightwatch.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.sns.Eventually;
import com.flightwatch.platform.sns.RecordingInvoker;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Retries, dead letters and their redrive, through the SDK v2 client and {@code /_platform/topics}. */
class SnsTopicsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ControlPlaneHarness platform;
    private static RecordingInvoker invoker;

    @BeforeAll
    static void startPlatform() {
        platform = new ControlPlaneHarness("sns-topics");
        invoker = platform.invoker;
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    @Test
    void publish_whenSubscriberFailsTwiceThenSucceeds_deliversItOnceWithoutDeadLetter() throws Exception {
        String topicArn = platform.subscribedTopic("flaky", "flaky-receiver");
        invoker.failNext("flaky-receiver", 2);

        String messageId = platform.client.publish(r -> r.topicArn(topicArn).message("third time lucky")).messageId();

        for (int attempt = 1; attempt <= 3; attempt++) {
            RecordingInvoker.Invocation invocation = invoker.next("flaky-receiver", 10);
            assertThat(invocation).as("attempt %d", attempt).isNotNull();
            assertThat(ControlPlaneHarness.snsOf(invocation).getMessageId()).isEqualTo(messageId);
        }
        Eventually.await(Duration.ofSeconds(10), "the delivery to be recorded", () -> topic("flaky").get("pendingDeliveries").asInt() == 0);
        assertThat(invoker.next("flaky-receiver", 1)).as("no attempt after the success").isNull();
        assertThat(platform.getJson("/_platform/topics/flaky/dead-letters")).isEmpty();
        assertThat(topic("flaky").get("deadLetters").asInt()).isZero();
    }

    @Test
    void redrive_afterSubscriberIsFixed_deliversTheDeadLetterAgain() throws Exception {
        String topicArn = platform.subscribedTopic("broken", "broken-receiver");
        invoker.breakFunction("broken-receiver");
        String messageId = platform.client.publish(r -> r.topicArn(topicArn).message("lost until redriven")).messageId();
        Eventually.await(Duration.ofSeconds(10), "a dead letter",
                () -> platform.getJson("/_platform/topics/broken/dead-letters").size() == 1);
        JsonNode letter = platform.getJson("/_platform/topics/broken/dead-letters").get(0);
        assertThat(letter.get("messageId").asText()).isEqualTo(messageId);
        assertThat(letter.get("attempts").asInt()).isEqualTo(3);
        assertThat(letter.get("lastError").asText()).contains("boom");
        assertThat(topic("broken").get("deadLetters").asInt()).isEqualTo(1);
        platform.drain("broken-receiver");

        invoker.fix("broken-receiver");
        HttpResponse<String> redrive = platform.post("/_platform/topics/broken/dead-letters/redrive", "");

        assertThat(redrive.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(redrive.body()).get("redriven").asInt()).isEqualTo(1);
        RecordingInvoker.Invocation invocation = invoker.next("broken-receiver", 10);
        assertThat(invocation).as("the redriven delivery").isNotNull();
        assertThat(ControlPlaneHarness.snsOf(invocation).getMessageId()).isEqualTo(messageId);
        Eventually.await(Duration.ofSeconds(10), "the redriven delivery to be recorded",
                () -> topic("broken").get("pendingDeliveries").asInt() == 0);
        assertThat(platform.getJson("/_platform/topics/broken/dead-letters")).isEmpty();
        assertThat(invoker.next("broken-receiver", 1)).as("delivered once").isNull();
    }

    @Test
    void redrive_withDeliveryIds_redrivesOnlyThoseLetters() throws Exception {
        String topicArn = platform.subscribedTopic("picky", "picky-receiver");
        invoker.breakFunction("picky-receiver");
        String first = platform.client.publish(r -> r.topicArn(topicArn).message("first")).messageId();
        platform.client.publish(r -> r.topicArn(topicArn).message("second"));
        Eventually.await(Duration.ofSeconds(10), "two dead letters",
                () -> platform.getJson("/_platform/topics/picky/dead-letters").size() == 2);
        long firstId = 0;
        for (JsonNode letter : platform.getJson("/_platform/topics/picky/dead-letters")) {
            if (letter.get("messageId").asText().equals(first)) {
                firstId = letter.get("deliveryId").asLong();
            }
        }
        platform.drain("picky-receiver");
        invoker.fix("picky-receiver");

        HttpResponse<String> redrive = platform.post("/_platform/topics/picky/dead-letters/redrive",
                "{\"deliveryIds\":[" + firstId + "]}");

        assertThat(JSON.readTree(redrive.body()).get("redriven").asInt()).isEqualTo(1);
        RecordingInvoker.Invocation invocation = invoker.next("picky-receiver", 10);
        assertThat(invocation).isNotNull();
        assertThat(ControlPlaneHarness.snsOf(invocation).getMessageId()).isEqualTo(first);
        assertThat(platform.getJson("/_platform/topics/picky/dead-letters")).singleElement()
                .satisfies(letter -> assertThat(letter.get("messageId").asText()).isNotEqualTo(first));
    }

    @Test
    void deadLetters_ofUnknownTopic_answers404() {
        assertThat(platform.get("/_platform/topics/no-such-topic/dead-letters").statusCode()).isEqualTo(404);
        assertThat(platform.post("/_platform/topics/no-such-topic/dead-letters/redrive", "").statusCode()).isEqualTo(404);
    }

    @Test
    void redrive_withMalformedBody_answers400() {
        platform.subscribedTopic("malformed-redrive", "ok-malformed");

        assertThat(platform.post("/_platform/topics/malformed-redrive/dead-letters/redrive", "{\"deliveryIds\":\"all\"}")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void topics_listsEachTopicWithItsSubscriptionCount() {
        String topicArn = platform.subscribedTopic("counted", "ok-counted");
        platform.client.subscribe(r -> r.topicArn(topicArn).protocol("lambda")
                .endpoint(ControlPlaneHarness.FUNCTION_ARN_PREFIX + "ok-counted-too"));

        JsonNode counted = topic("counted");

        assertThat(counted.get("topicArn").asText()).isEqualTo("arn:aws:sns:us-east-1:000000000000:counted");
        assertThat(counted.get("subscriptions").asInt()).isEqualTo(2);
        assertThat(counted.get("deadLetters").asInt()).isZero();
    }

    private static JsonNode topic(String name) {
        for (JsonNode topic : platform.getJson("/_platform/topics")) {
            if (topic.get("name").asText().equals(name)) {
                return topic;
            }
        }
        throw new AssertionError("No topic " + name + " in /_platform/topics");
    }
}
