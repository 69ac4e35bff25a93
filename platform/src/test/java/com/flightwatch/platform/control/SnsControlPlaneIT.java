package com.flightwatch.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.lambda.InvocationType;
import com.flightwatch.platform.sns.DeadLetter;
import com.flightwatch.platform.sns.Eventually;
import com.flightwatch.platform.sns.RecordingInvoker;
import com.flightwatch.platform.sns.SnsService;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.Subscription;

/** The control plane's SNS API, driven by the real AWS SDK v2 client, over a real embedded MariaDB. */
class SnsControlPlaneIT {

    private static final String FUNCTION_ARN_PREFIX = ControlPlaneHarness.FUNCTION_ARN_PREFIX;

    private static ControlPlaneHarness platform;
    private static RecordingInvoker invoker;
    private static SnsService sns;
    private static SnsClient client;
    private static String baseUrl;

    @BeforeAll
    static void startPlatform() {
        platform = new ControlPlaneHarness("sns-control-plane");
        invoker = platform.invoker;
        sns = platform.sns;
        client = platform.client;
        baseUrl = platform.baseUrl();
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    @Test
    void createTopic_whenCalledTwice_returnsTheSameArnAndListsItOnce() {
        String first = client.createTopic(r -> r.name("created-twice")).topicArn();
        String second = client.createTopic(r -> r.name("created-twice")).topicArn();

        assertThat(first).isEqualTo("arn:aws:sns:us-east-1:000000000000:created-twice").isEqualTo(second);
        assertThat(client.listTopics().topics()).filteredOn(t -> t.topicArn().equals(first)).hasSize(1);
    }

    @Test
    void publish_toTopicWithLambdaSubscriber_deliversTheSnsEvent() throws Exception {
        String topicArn = client.createTopic(r -> r.name("deliveries")).topicArn();
        String subscriptionArn = client.subscribe(r -> r.topicArn(topicArn).protocol("lambda")
                .endpoint(FUNCTION_ARN_PREFIX + "ok-receiver")).subscriptionArn();

        long published = System.nanoTime();
        PublishResponse response = client.publish(r -> r.topicArn(topicArn).subject("Flight delayed")
                .message("{\"flight\":\"AF123\"}")
                .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("DELAYED").build())));
        RecordingInvoker.Invocation invocation = invoker.next("ok-receiver", 10);

        assertThat(invocation).as("the subscribed function is invoked").isNotNull();
        assertThat(invocation.type()).as("asynchronously, as SNS invokes").isEqualTo(InvocationType.EVENT);
        assertThat(invocation.cause()).isEqualTo(response.messageId());
        System.out.println("[timing] publish to lambda invocation: " + (invocation.atNanos() - published) / 1_000_000 + " ms");
        SNSEvent event = LambdaEventSerializers.serializerFor(SNSEvent.class, getClass().getClassLoader())
                .fromJson(invocation.eventJson());
        SNSEvent.SNSRecord record = event.getRecords().get(0);
        assertThat(record.getEventSubscriptionArn()).isEqualTo(subscriptionArn).startsWith(topicArn + ":");
        assertThat(record.getSNS().getMessageId()).isEqualTo(response.messageId());
        assertThat(record.getSNS().getTopicArn()).isEqualTo(topicArn);
        assertThat(record.getSNS().getSubject()).isEqualTo("Flight delayed");
        assertThat(record.getSNS().getMessage()).isEqualTo("{\"flight\":\"AF123\"}");
        assertThat(record.getSNS().getMessageAttributes().get("kind").getValue()).isEqualTo("DELAYED");
        Eventually.await(Duration.ofSeconds(5), "the delivery to be marked done", () -> sns.pendingDeliveries() == 0);
    }

    @Test
    void publish_whenSubscriberFails_retriesThenDeadLetters() throws Exception {
        String topicArn = client.createTopic(r -> r.name("failures")).topicArn();
        client.subscribe(r -> r.topicArn(topicArn).protocol("lambda").endpoint(FUNCTION_ARN_PREFIX + "failing-receiver"));

        String messageId = client.publish(r -> r.topicArn(topicArn).message("will fail")).messageId();

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(invoker.next("failing-receiver", 10)).as("attempt %d", attempt).isNotNull();
        }
        Eventually.await(Duration.ofSeconds(10), "a dead letter",
                () -> sns.deadLetters().stream().anyMatch(letter -> letter.messageId().equals(messageId)));
        DeadLetter letter = sns.deadLetters().stream().filter(l -> l.messageId().equals(messageId)).findFirst().orElseThrow();
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.lastError()).contains("FUNCTION_ERROR").contains("boom");
        assertThat(invoker.next("failing-receiver", 1)).as("no attempt after the dead letter").isNull();
    }

    @Test
    void publishBatch_whenOneEntryIsInvalid_reportsEachEntry() throws Exception {
        String topicArn = client.createTopic(r -> r.name("batches")).topicArn();
        client.subscribe(r -> r.topicArn(topicArn).protocol("lambda").endpoint(FUNCTION_ARN_PREFIX + "ok-batch"));

        PublishBatchResponse response = client.publishBatch(r -> r.topicArn(topicArn).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("first").message("one").build(),
                PublishBatchRequestEntry.builder().id("empty").message("").build(),
                PublishBatchRequestEntry.builder().id("third").message("three").subject("3").build()));

        assertThat(response.successful()).extracting(e -> e.id()).containsExactly("first", "third");
        assertThat(response.successful()).allSatisfy(e -> assertThat(e.messageId()).isNotBlank());
        assertThat(response.failed()).hasSize(1);
        assertThat(response.failed().get(0).id()).isEqualTo("empty");
        assertThat(response.failed().get(0).code()).isEqualTo("InvalidParameter");
        assertThat(response.failed().get(0).senderFault()).isTrue();
        assertThat(invoker.next("ok-batch", 10)).isNotNull();
        assertThat(invoker.next("ok-batch", 10)).isNotNull();
    }

    @Test
    void publishBatch_whenIdsRepeat_failsWithBatchEntryIdsNotDistinct() {
        String topicArn = client.createTopic(r -> r.name("batch-duplicates")).topicArn();

        assertThatThrownBy(() -> client.publishBatch(r -> r.topicArn(topicArn).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("same").message("a").build(),
                PublishBatchRequestEntry.builder().id("same").message("b").build())))
                .isInstanceOf(BatchEntryIdsNotDistinctException.class);
    }

    @Test
    void publish_toPhoneNumber_landsInTheSmsOutbox() throws Exception {
        String phoneNumber = "+447700900123";
        String messageId = client.publish(r -> r.phoneNumber(phoneNumber).message("AF123 is delayed to 14:05 ✈️ 😀")
                .messageAttributes(Map.of(
                        "AWS.SNS.SMS.SenderID", MessageAttributeValue.builder().dataType("String").stringValue("Flightwatch").build(),
                        "AWS.SNS.SMS.SMSType", MessageAttributeValue.builder().dataType("String").stringValue("Transactional").build())))
                .messageId();

        HttpResponse<String> response = get("/_platform/sms?phoneNumber=" + URLEncoder.encode(phoneNumber, StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode messages = new ObjectMapper().readTree(response.body());
        assertThat(messages).hasSize(1);
        JsonNode sms = messages.get(0);
        assertThat(sms.get("messageId").asText()).isEqualTo(messageId);
        assertThat(sms.get("phoneNumber").asText()).isEqualTo(phoneNumber);
        assertThat(sms.get("message").asText()).isEqualTo("AF123 is delayed to 14:05 ✈️ 😀");
        assertThat(sms.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(sms.get("senderId").asText()).isEqualTo("Flightwatch");
        assertThat(sms.get("smsType").asText()).isEqualTo("Transactional");
        assertThat(sns.listSms("+15550000000")).isEmpty();
    }

    @Test
    void publish_toPhoneNumberWithLongUnicodeText_storesItsUcs2Parts() throws Exception {
        String text = "Vol annulé — rendez-vous au comptoir ł".repeat(3);
        client.publish(r -> r.phoneNumber("+447700900999").message(text));

        JsonNode sms = new ObjectMapper().readTree(get("/_platform/sms?phoneNumber=%2B447700900999").body()).get(0);

        assertThat(sms.get("encoding").asText()).isEqualTo("UCS2");
        assertThat(sms.get("parts")).hasSize(2);
        assertThat(sms.get("parts").get(0).asText()).hasSize(67);
        assertThat(sms.get("parts").get(0).asText() + sms.get("parts").get(1).asText()).isEqualTo(text);
    }

    @Test
    void publish_toMalformedPhoneNumber_failsWithInvalidParameter() {
        assertThatThrownBy(() -> client.publish(r -> r.phoneNumber("07700 900123").message("hi")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }

    @Test
    void publish_toUnknownTopic_failsWithNotFound() {
        assertThatThrownBy(() -> client.publish(r -> r.topicArn("arn:aws:sns:us-east-1:000000000000:no-such-topic").message("hi")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Topic does not exist");
                    assertThat(e.requestId()).isNotBlank();
                });
    }

    @Test
    void subscribe_withUnsupportedProtocol_failsWithInvalidParameter() {
        String topicArn = client.createTopic(r -> r.name("email-refused")).topicArn();

        assertThatThrownBy(() -> client.subscribe(r -> r.topicArn(topicArn).protocol("email").endpoint("ops@example.com")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void listSubscriptions_showsLambdaSubscriptionWithOwnerAndEndpoint() {
        String topicArn = client.createTopic(r -> r.name("listed")).topicArn();
        String subscriptionArn = client.subscribe(r -> r.topicArn(topicArn).protocol("lambda")
                .endpoint(FUNCTION_ARN_PREFIX + "ok-listed")).subscriptionArn();

        List<Subscription> subscriptions = client.listSubscriptions().subscriptions();

        assertThat(subscriptions).filteredOn(s -> s.subscriptionArn().equals(subscriptionArn)).singleElement()
                .satisfies(s -> {
                    assertThat(s.topicArn()).isEqualTo(topicArn);
                    assertThat(s.protocol()).isEqualTo("lambda");
                    assertThat(s.endpoint()).isEqualTo(FUNCTION_ARN_PREFIX + "ok-listed");
                    assertThat(s.owner()).isEqualTo("000000000000");
                });
        assertThat(client.listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions()).hasSize(1);
    }

    @Test
    void unsubscribe_thenPublish_invokesNothing() throws Exception {
        String topicArn = client.createTopic(r -> r.name("unsubscribed")).topicArn();
        String subscriptionArn = client.subscribe(r -> r.topicArn(topicArn).protocol("lambda")
                .endpoint(FUNCTION_ARN_PREFIX + "ok-unsubscribed")).subscriptionArn();

        client.unsubscribe(r -> r.subscriptionArn(subscriptionArn));
        client.publish(r -> r.topicArn(topicArn).message("nobody listens"));

        assertThat(client.listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions()).isEmpty();
        assertThat(invoker.next("ok-unsubscribed", 1)).isNull();
    }

    @Test
    void post_withUnknownAction_answersInvalidActionXml() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=DeleteEverything&Version=2010-03-31"))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<ErrorResponse").contains("<Code>InvalidAction</Code>")
                .contains("<Type>Sender</Type>");
    }

    @Test
    void publish_messageOf256Kb_isAcceptedAndOneByteMoreIsInvalidParameter() {
        String topicArn = client.createTopic(r -> r.name("large-messages")).topicArn();
        String limit = "m".repeat(256 * 1024);

        assertThat(client.publish(r -> r.topicArn(topicArn).message(limit)).messageId()).isNotBlank();
        assertThatThrownBy(() -> client.publish(r -> r.topicArn(topicArn).message(limit + "m")))
                .isInstanceOf(software.amazon.awssdk.services.sns.model.InvalidParameterException.class)
                .hasMessageContaining("Message too long");
    }

    @Test
    void post_withoutAction_answersMissingActionXml() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Version=2010-03-31"))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>MissingAction</Code>");
    }

    @Test
    void health_whenDatabaseAnswers_isUp() throws Exception {
        HttpResponse<String> response = get("/_platform/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void deleteTopic_thenPublish_failsWithNotFoundAndSubscriptionsAreGone() {
        String topicArn = client.createTopic(r -> r.name("deleted")).topicArn();
        String subscriptionArn = client.subscribe(r -> r.topicArn(topicArn).protocol("lambda")
                .endpoint(FUNCTION_ARN_PREFIX + "ok-deleted")).subscriptionArn();

        client.deleteTopic(r -> r.topicArn(topicArn));
        client.deleteTopic(r -> r.topicArn(topicArn));

        assertThat(client.listTopics().topics()).noneMatch(t -> t.topicArn().equals(topicArn));
        assertThat(client.listSubscriptions().subscriptions()).noneMatch(s -> s.subscriptionArn().equals(subscriptionArn));
        assertThatThrownBy(() -> client.publish(r -> r.topicArn(topicArn).message("too late")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.getSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void getTopicAttributes_afterSetTopicAttributes_showsTheNewValue() {
        String topicArn = client.createTopic(r -> r.name("displayed")).topicArn();
        client.subscribe(r -> r.topicArn(topicArn).protocol("lambda").endpoint(FUNCTION_ARN_PREFIX + "ok-displayed"));

        client.setTopicAttributes(r -> r.topicArn(topicArn).attributeName("DisplayName").attributeValue("Flightwatch"));
        Map<String, String> attributes = client.getTopicAttributes(r -> r.topicArn(topicArn)).attributes();

        assertThat(attributes).containsEntry("TopicArn", topicArn).containsEntry("Owner", "000000000000")
                .containsEntry("DisplayName", "Flightwatch").containsEntry("SubscriptionsConfirmed", "1");
        assertThatThrownBy(() -> client.setTopicAttributes(r -> r.topicArn(topicArn).attributeName("Colour").attributeValue("x")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> client.getTopicAttributes(r -> r.topicArn("arn:aws:sns:us-east-1:000000000000:never-created")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void publish_withJsonMessageStructure_deliversTheLambdaTextOrTheDefault() throws Exception {
        String topicArn = client.createTopic(r -> r.name("structured")).topicArn();
        client.subscribe(r -> r.topicArn(topicArn).protocol("lambda").endpoint(FUNCTION_ARN_PREFIX + "ok-structured"));

        client.publish(r -> r.topicArn(topicArn).messageStructure("json")
                .message("{\"default\":\"for everyone\",\"lambda\":\"for functions\"}"));
        client.publish(r -> r.topicArn(topicArn).messageStructure("json").message("{\"default\":\"only default\"}"));

        List<String> received = List.of(snsMessage(invoker.next("ok-structured", 10)), snsMessage(invoker.next("ok-structured", 10)));
        assertThat(received).containsExactlyInAnyOrder("for functions", "only default");
        assertThatThrownBy(() -> client.publish(r -> r.topicArn(topicArn).messageStructure("json").message("{\"lambda\":\"x\"}")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("No default entry");
        assertThatThrownBy(() -> client.publish(r -> r.topicArn(topicArn).messageStructure("json").message("not json")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void publishBatch_withJsonMessageStructureInAnEntry_deliversTheLambdaText() throws Exception {
        String topicArn = client.createTopic(r -> r.name("batch-structured")).topicArn();
        client.subscribe(r -> r.topicArn(topicArn).protocol("lambda").endpoint(FUNCTION_ARN_PREFIX + "ok-batch-structured"));

        PublishBatchResponse response = client.publishBatch(r -> r.topicArn(topicArn).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("structured").messageStructure("json")
                        .message("{\"default\":\"for everyone\",\"lambda\":\"for functions\"}").build(),
                PublishBatchRequestEntry.builder().id("no-default").messageStructure("json").message("{\"lambda\":\"x\"}").build()));

        assertThat(response.successful()).extracting(e -> e.id()).containsExactly("structured");
        assertThat(response.failed()).singleElement().satisfies(failure -> {
            assertThat(failure.id()).isEqualTo("no-default");
            assertThat(failure.message()).contains("No default entry");
        });
        assertThat(snsMessage(invoker.next("ok-batch-structured", 10))).isEqualTo("for functions");
    }

    @Test
    void publish_toPhoneNumberWithMoreThan1600Characters_failsWithInvalidParameter() {
        assertThatThrownBy(() -> client.publish(r -> r.phoneNumber("+447700900555").message("x".repeat(1601))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("at most 1600 characters");
        client.publish(r -> r.phoneNumber("+447700900555").message("x".repeat(1600)));
        assertThat(sns.listSms("+447700900555")).singleElement()
                .satisfies(sms -> assertThat(sms.parts()).hasSize(11));
    }

    @Test
    void listTopics_withMoreThanOnePage_followsNextToken() {
        for (int i = 0; i < 105; i++) {
            int n = i;
            client.createTopic(r -> r.name(String.format("paged-%03d", n)));
        }

        software.amazon.awssdk.services.sns.model.ListTopicsResponse first = client.listTopics();
        List<String> all = client.listTopicsPaginator().topics().stream().map(t -> t.topicArn()).toList();

        assertThat(first.topics()).hasSize(100);
        assertThat(first.nextToken()).isNotBlank();
        assertThat(all).doesNotHaveDuplicates().filteredOn(arn -> arn.contains(":paged-")).hasSize(105);
    }

    private static String snsMessage(RecordingInvoker.Invocation invocation) {
        assertThat(invocation).isNotNull();
        return LambdaEventSerializers.serializerFor(SNSEvent.class, SnsControlPlaneIT.class.getClassLoader())
                .fromJson(invocation.eventJson()).getRecords().get(0).getSNS().getMessage();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
