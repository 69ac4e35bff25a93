package com.flightwatch.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.sns.Eventually;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;

/**
 * http subscriptions end to end: SDK v2 client → control plane → embedded MariaDB → a real HTTP
 * endpoint. The harness retries twice, 50 ms apart, then dead-letters.
 */
class SnsHttpSubscriptionsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ControlPlaneHarness platform;
    private static SnsClient client;
    private static HttpSubscriber subscriber;

    @BeforeAll
    static void start() {
        platform = new ControlPlaneHarness("sns-http");
        client = platform.client;
        subscriber = new HttpSubscriber();
    }

    @AfterAll
    static void stop() {
        subscriber.close();
        platform.close();
    }

    @Test
    void subscribe_http_sendsConfirmationAndDeliversOnlyAfterSubscribeUrlIsVisited() throws Exception {
        String topicArn = client.createTopic(r -> r.name("http-handshake")).topicArn();

        String answer = client.subscribe(r -> r.topicArn(topicArn).protocol("http").endpoint(subscriber.url("/handshake")))
                .subscriptionArn();
        HttpSubscriber.Received confirmation = subscriber.next("/handshake", WAIT);
        client.publish(r -> r.topicArn(topicArn).message("before confirmation"));

        assertThat(answer).isEqualTo("pending confirmation");
        assertThat(client.listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions())
                .singleElement().satisfies(s -> assertThat(s.subscriptionArn()).isEqualTo("PendingConfirmation"));
        assertThat(confirmation.method()).isEqualTo("POST");
        assertThat(confirmation.headers()).containsEntry("x-amz-sns-message-type", "SubscriptionConfirmation")
                .containsEntry("x-amz-sns-topic-arn", topicArn)
                .containsKey("x-amz-sns-message-id")
                .containsEntry("content-type", "text/plain; charset=UTF-8");
        JsonNode body = JSON.readTree(confirmation.body());
        assertThat(fieldNames(body)).containsExactly("Type", "MessageId", "Token", "TopicArn", "Message", "SubscribeURL",
                "Timestamp", "SignatureVersion", "Signature", "SigningCertURL");
        assertThat(body.get("Type").asText()).isEqualTo("SubscriptionConfirmation");
        assertThat(body.get("MessageId").asText()).isEqualTo(confirmation.headers().get("x-amz-sns-message-id"));
        assertThat(body.get("Message").asText()).startsWith("You have chosen to subscribe to the topic " + topicArn);
        assertThat(body.get("SubscribeURL").asText())
                .startsWith(platform.baseUrl() + "/?Action=ConfirmSubscription&TopicArn=")
                .endsWith("&Token=" + body.get("Token").asText());

        HttpResponse<String> visited = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(body.get("SubscribeURL").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(visited.statusCode()).isEqualTo(200);
        assertThat(visited.body()).contains("<ConfirmSubscriptionResponse").contains("<SubscriptionArn>" + topicArn + ":");

        client.publish(r -> r.topicArn(topicArn).message("after confirmation"));
        HttpSubscriber.Received notification = subscriber.next("/handshake", WAIT);
        assertThat(JSON.readTree(notification.body()).get("Message").asText()).isEqualTo("after confirmation");
    }

    @Test
    void sdkClient_withLambdaAndHttpSubscribers_publishesToBothUntilUnsubscribed() throws Exception {
        String topicArn = client.createTopic(r -> r.name("sdk-lifecycle")).topicArn();
        String lambdaArn = client.subscribe(r -> r.topicArn(topicArn).protocol("lambda")
                .endpoint(ControlPlaneHarness.FUNCTION_ARN_PREFIX + "ok-sdk")).subscriptionArn();
        String httpArn = client.subscribe(r -> r.topicArn(topicArn).protocol("http").endpoint(subscriber.url("/sdk"))
                .returnSubscriptionArn(true)).subscriptionArn();
        String token = JSON.readTree(subscriber.next("/sdk", WAIT).body()).get("Token").asText();

        String confirmedArn = client.confirmSubscription(r -> r.topicArn(topicArn).token(token)).subscriptionArn();
        client.publish(r -> r.topicArn(topicArn).message("single"));
        client.publishBatch(r -> r.topicArn(topicArn).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("a").message("batch-a").build(),
                PublishBatchRequestEntry.builder().id("b").message("batch-b").build()));

        assertThat(confirmedArn).isEqualTo(httpArn);
        List<String> overHttp = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            overHttp.add(JSON.readTree(subscriber.next("/sdk", WAIT).body()).get("Message").asText());
            assertThat(platform.invoker.next("ok-sdk", WAIT.toSeconds())).as("lambda delivery %d", i).isNotNull();
        }
        assertThat(overHttp).containsExactlyInAnyOrder("single", "batch-a", "batch-b");
        assertThat(client.listTopicsPaginator().topics()).anySatisfy(t -> assertThat(t.topicArn()).isEqualTo(topicArn));
        assertThat(client.listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions())
                .extracting(s -> s.subscriptionArn()).containsExactlyInAnyOrder(lambdaArn, httpArn);

        client.unsubscribe(r -> r.subscriptionArn(httpArn));
        client.publish(r -> r.topicArn(topicArn).message("after unsubscribe"));

        assertThat(platform.invoker.next("ok-sdk", WAIT.toSeconds())).isNotNull();
        Eventually.await(WAIT, "no delivery left", () -> platform.sns.pendingDeliveries() == 0);
        assertThat(subscriber.poll("/sdk", Duration.ZERO)).as("nothing after unsubscribe").isNull();
        assertThat(client.listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions())
                .extracting(s -> s.subscriptionArn()).containsExactly(lambdaArn);
    }

    @Test
    void confirmSubscription_withTheToken_confirmsAndNotificationHasSnsFormat() throws Exception {
        String topicArn = client.createTopic(r -> r.name("http-format")).topicArn();
        String token = subscribeAndReadToken(topicArn, "/format", Map.of());

        String subscriptionArn = client.confirmSubscription(r -> r.topicArn(topicArn).token(token)).subscriptionArn();
        String messageId = client.publish(r -> r.topicArn(topicArn).subject("Flight delayed").message("AF123 is late")
                .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("DELAYED")
                        .build()))).messageId();
        HttpSubscriber.Received notification = subscriber.next("/format", WAIT);

        assertThat(client.getSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn)).attributes())
                .containsEntry("PendingConfirmation", "false").containsEntry("Protocol", "http");
        assertThat(notification.headers()).containsEntry("x-amz-sns-message-type", "Notification")
                .containsEntry("x-amz-sns-message-id", messageId)
                .containsEntry("x-amz-sns-topic-arn", topicArn)
                .containsEntry("x-amz-sns-subscription-arn", subscriptionArn)
                .doesNotContainKey("x-amz-sns-rawdelivery");
        JsonNode body = JSON.readTree(notification.body());
        assertThat(fieldNames(body)).containsExactly("Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp",
                "SignatureVersion", "Signature", "SigningCertURL", "UnsubscribeURL", "MessageAttributes");
        assertThat(body.get("Type").asText()).isEqualTo("Notification");
        assertThat(body.get("MessageId").asText()).isEqualTo(messageId);
        assertThat(body.get("Subject").asText()).isEqualTo("Flight delayed");
        assertThat(body.get("Message").asText()).isEqualTo("AF123 is late");
        assertThat(body.get("Timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(body.get("UnsubscribeURL").asText()).startsWith(platform.baseUrl() + "/?Action=Unsubscribe&SubscriptionArn=");
        assertThat(body.at("/MessageAttributes/kind/Type").asText()).isEqualTo("String");
        assertThat(body.at("/MessageAttributes/kind/Value").asText()).isEqualTo("DELAYED");
    }

    @Test
    void confirmSubscription_withAnUnknownToken_isInvalidParameter() {
        String topicArn = client.createTopic(r -> r.name("http-bad-token")).topicArn();

        assertThatThrownBy(() -> client.confirmSubscription(r -> r.topicArn(topicArn).token("not-a-token")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void publish_withRawMessageDelivery_postsTheBareMessage() throws Exception {
        String topicArn = client.createTopic(r -> r.name("http-raw")).topicArn();
        String token = subscribeAndReadToken(topicArn, "/raw", Map.of("RawMessageDelivery", "true"));
        client.confirmSubscription(r -> r.topicArn(topicArn).token(token));

        client.publish(r -> r.topicArn(topicArn).message("{\"flight\":\"AF123\"}"));
        HttpSubscriber.Received notification = subscriber.next("/raw", WAIT);

        assertThat(notification.body()).isEqualTo("{\"flight\":\"AF123\"}");
        assertThat(notification.headers()).containsEntry("x-amz-sns-rawdelivery", "true")
                .containsEntry("x-amz-sns-message-type", "Notification");
    }

    @Test
    void publish_whenEndpointFailsTwice_isDeliveredByTheThirdAttempt() throws Exception {
        String topicArn = client.createTopic(r -> r.name("http-retry")).topicArn();
        String token = subscribeAndReadToken(topicArn, "/flaky", Map.of());
        client.confirmSubscription(r -> r.topicArn(topicArn).token(token));
        subscriber.answer("/flaky", 500, 503);

        String messageId = client.publish(r -> r.topicArn(topicArn).message("eventually")).messageId();
        List<String> ids = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            ids.add(subscriber.next("/flaky", WAIT).headers().get("x-amz-sns-message-id"));
        }

        assertThat(ids).containsOnly(messageId);
        Eventually.await(WAIT, "the delivery to be recorded", () -> platform.sns.pendingDeliveries() == 0);
        assertThat(subscriber.poll("/flaky", Duration.ofMillis(300))).as("no fourth attempt").isNull();
        assertThat(platform.sns.deadLetters("http-retry")).isEmpty();
    }

    @Test
    void publish_whenEndpointAlwaysFails_deadLettersToTheRedrivePolicyTarget() throws Exception {
        String topicArn = client.createTopic(r -> r.name("http-dlq")).topicArn();
        String queueArn = "arn:aws:sqs:us-east-1:000000000000:alerts-dlq";
        String token = subscribeAndReadToken(topicArn, "/down",
                Map.of("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + queueArn + "\"}"));
        client.confirmSubscription(r -> r.topicArn(topicArn).token(token));
        subscriber.answer("/down", 500, 500, 500);

        String messageId = client.publish(r -> r.topicArn(topicArn).message("lost?")).messageId();

        Eventually.await(WAIT, "a dead letter", () -> !platform.sns.deadLetters("http-dlq").isEmpty());
        JsonNode byQueue = platform.getJson("/_platform/dead-letter-queues/alerts-dlq");
        assertThat(byQueue).hasSize(1);
        assertThat(byQueue.get(0).get("messageId").asText()).isEqualTo(messageId);
        assertThat(byQueue.get(0).get("deadLetterTargetArn").asText()).isEqualTo(queueArn);
        assertThat(byQueue.get(0).get("attempts").asInt()).isEqualTo(3);
        assertThat(byQueue.get(0).get("lastError").asText()).contains("HTTP 500");
        assertThat(platform.getJson("/_platform/topics/http-dlq/dead-letters?deadLetterTargetArn=" + queueArn)).hasSize(1);
        assertThat(platform.getJson("/_platform/topics/http-dlq/dead-letters?deadLetterTargetArn=" + queueArn + "-other"))
                .isEmpty();
    }

    @Test
    void publish_whenEndpointRefusesConnections_deadLettersToThePlatformStore() throws Exception {
        String topicArn = client.createTopic(r -> r.name("http-refused")).topicArn();
        try (HttpSubscriber shortLived = new HttpSubscriber()) {
            client.subscribe(r -> r.topicArn(topicArn).protocol("http").endpoint(shortLived.url("/gone")));
            String token = JSON.readTree(shortLived.next("/gone", WAIT).body()).get("Token").asText();
            client.confirmSubscription(r -> r.topicArn(topicArn).token(token));
        }

        client.publish(r -> r.topicArn(topicArn).message("to nowhere"));

        Eventually.await(WAIT, "a dead letter", () -> !platform.sns.deadLetters("http-refused").isEmpty());
        JsonNode letters = platform.getJson("/_platform/topics/http-refused/dead-letters");
        assertThat(letters.get(0).get("deadLetterTargetArn").isNull()).isTrue();
        assertThat(letters.get(0).get("lastError").asText()).contains("could not reach the endpoint");
    }

    @Test
    void subscribe_withAnEndpointOfAnotherProtocol_isInvalidParameter() {
        String topicArn = client.createTopic(r -> r.name("http-mismatch")).topicArn();

        assertThatThrownBy(() -> client.subscribe(r -> r.topicArn(topicArn).protocol("http").endpoint("https://example.com/x")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Endpoint must match the specified protocol");
        assertThatThrownBy(() -> client.subscribe(r -> r.topicArn(topicArn).protocol("email").endpoint("a@example.com")))
                .isInstanceOf(InvalidParameterException.class);
    }

    private String subscribeAndReadToken(String topicArn, String path, Map<String, String> attributes) throws Exception {
        client.subscribe(r -> r.topicArn(topicArn).protocol("http").endpoint(subscriber.url(path)).attributes(attributes));
        return JSON.readTree(subscriber.next(path, WAIT).body()).get("Token").asText();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
