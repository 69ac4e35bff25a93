package com.flightwatch.platform.control;

import static com.flightwatch.platform.control.ControlPlaneHarness.FUNCTION_ARN_PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.platform.sns.RecordingInvoker;
import com.flightwatch.platform.stack.SubscriptionSpec;
import com.flightwatch.platform.stack.TopicSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;

/** Filter policies and subscription attributes, set through the SDK v2 client and from a template. */
class SnsFiltersIT {

    private static ControlPlaneHarness platform;
    private static RecordingInvoker invoker;

    @BeforeAll
    static void startPlatform() {
        platform = new ControlPlaneHarness("sns-filters");
        invoker = platform.invoker;
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    @Test
    void publish_withFilterPolicyOnAttributes_deliversOnlyMatchingMessages() throws Exception {
        String topicArn = platform.subscribedTopic("routed", "ok-routed-all");
        platform.client.subscribe(r -> r.topicArn(topicArn).protocol("lambda").endpoint(FUNCTION_ARN_PREFIX + "ok-routed-sms")
                .attributes(Map.of("FilterPolicy", "{\"channel\":[\"sms\"],\"delay\":[{\"numeric\":[\">=\",30]}]}")));

        String late = publish(topicArn, "late sms", "sms", "45");
        publish(topicArn, "early sms", "sms", "10");
        publish(topicArn, "late email", "email", "45");

        RecordingInvoker.Invocation matched = invoker.next("ok-routed-sms", 10);
        assertThat(matched).isNotNull();
        assertThat(ControlPlaneHarness.snsOf(matched).getMessageId()).isEqualTo(late);
        for (int i = 0; i < 3; i++) {
            assertThat(invoker.next("ok-routed-all", 10)).as("unfiltered delivery %d", i).isNotNull();
        }
        assertThat(invoker.next("ok-routed-sms", 1)).as("no delivery of a filtered-out message").isNull();
    }

    @Test
    void publishBatch_withFilteredAndUnfilteredSubscriptions_queuesEachEntryForTheSubscriptionsItMatches() throws Exception {
        String topicArn = platform.subscribedTopic("batch-routed", "ok-batch-all");
        platform.client.subscribe(r -> r.topicArn(topicArn).protocol("lambda").endpoint(FUNCTION_ARN_PREFIX + "ok-batch-sms")
                .attributes(Map.of("FilterPolicy", "{\"channel\":[\"sms\"]}")));

        PublishBatchResponse response = platform.client.publishBatch(r -> r.topicArn(topicArn).publishBatchRequestEntries(
                entry("1", "first sms", "sms"), entry("2", "an email", "email"), entry("3", "second sms", "sms")));

        assertThat(response.failed()).isEmpty();
        Map<String, String> idsByEntry = response.successful().stream()
                .collect(Collectors.toMap(PublishBatchResultEntry::id, PublishBatchResultEntry::messageId));
        Set<String> toSms = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            RecordingInvoker.Invocation matched = invoker.next("ok-batch-sms", 10);
            assertThat(matched).as("filtered delivery %d", i).isNotNull();
            toSms.add(ControlPlaneHarness.snsOf(matched).getMessageId());
        }
        assertThat(toSms).containsExactlyInAnyOrder(idsByEntry.get("1"), idsByEntry.get("3"));
        Set<String> toAll = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            RecordingInvoker.Invocation delivered = invoker.next("ok-batch-all", 10);
            assertThat(delivered).as("unfiltered delivery %d", i).isNotNull();
            toAll.add(ControlPlaneHarness.snsOf(delivered).getMessageId());
        }
        assertThat(toAll).containsExactlyInAnyOrderElementsOf(idsByEntry.values());
        assertThat(invoker.next("ok-batch-sms", 1)).as("no delivery of the filtered-out entry").isNull();
    }

    @Test
    void setSubscriptionAttributes_withBodyScope_routesByMessageBody() throws Exception {
        String topicArn = platform.client.createTopic(r -> r.name("body-routed")).topicArn();
        String subscriptionArn = platform.client.subscribe(r -> r.topicArn(topicArn).protocol("lambda")
                .endpoint(FUNCTION_ARN_PREFIX + "ok-body-routed")).subscriptionArn();

        platform.client.setSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn)
                .attributeName("FilterPolicyScope").attributeValue("MessageBody"));
        platform.client.setSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn)
                .attributeName("FilterPolicy").attributeValue("{\"flight\":{\"status\":[{\"anything-but\":\"ON_TIME\"}]}}"));
        platform.client.publish(r -> r.topicArn(topicArn).message("{\"flight\":{\"status\":\"ON_TIME\"}}"));
        String cancelled = platform.client.publish(r -> r.topicArn(topicArn)
                .message("{\"flight\":{\"status\":\"CANCELLED\"}}")).messageId();

        RecordingInvoker.Invocation invocation = invoker.next("ok-body-routed", 10);
        assertThat(invocation).isNotNull();
        assertThat(ControlPlaneHarness.snsOf(invocation).getMessageId()).isEqualTo(cancelled);
        assertThat(invoker.next("ok-body-routed", 1)).isNull();
    }

    @Test
    void getSubscriptionAttributes_afterSet_showsWhatWasSet() {
        String topicArn = platform.client.createTopic(r -> r.name("attributes")).topicArn();
        String subscriptionArn = platform.client.subscribe(r -> r.topicArn(topicArn).protocol("lambda")
                .endpoint(FUNCTION_ARN_PREFIX + "ok-attributes")
                .attributes(Map.of("FilterPolicy", "{\"kind\":[\"DELAYED\"]}", "RawMessageDelivery", "true"))).subscriptionArn();
        platform.client.setSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn).attributeName("RedrivePolicy")
                .attributeValue("{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:dlq\"}"));

        Map<String, String> attributes = platform.client.getSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn))
                .attributes();

        assertThat(attributes).containsEntry("SubscriptionArn", subscriptionArn)
                .containsEntry("TopicArn", topicArn)
                .containsEntry("Protocol", "lambda")
                .containsEntry("Endpoint", FUNCTION_ARN_PREFIX + "ok-attributes")
                .containsEntry("FilterPolicy", "{\"kind\":[\"DELAYED\"]}")
                .containsEntry("FilterPolicyScope", "MessageAttributes")
                .containsEntry("RawMessageDelivery", "true")
                .containsEntry("RedrivePolicy", "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:dlq\"}");
    }

    @Test
    void setSubscriptionAttributes_withInvalidValues_failsWithInvalidParameter() {
        String topicArn = platform.client.createTopic(r -> r.name("invalid-attributes")).topicArn();
        String subscriptionArn = platform.client.subscribe(r -> r.topicArn(topicArn).protocol("lambda")
                .endpoint(FUNCTION_ARN_PREFIX + "ok-invalid-attributes")).subscriptionArn();

        assertThatThrownBy(() -> platform.client.setSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn)
                .attributeName("FilterPolicy").attributeValue("{\"kind\":\"DELAYED\"}")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("FilterPolicy");
        assertThatThrownBy(() -> platform.client.setSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn)
                .attributeName("RawMessageDelivery").attributeValue("maybe")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> platform.client.setSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn)
                .attributeName("Colour").attributeValue("blue")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> platform.client.subscribe(r -> r.topicArn(topicArn).protocol("lambda")
                .endpoint(FUNCTION_ARN_PREFIX + "ok-invalid-policy").attributes(Map.of("FilterPolicy", "[]"))))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(platform.client.getSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn)).attributes())
                .doesNotContainKey("FilterPolicy").containsEntry("RawMessageDelivery", "false");
    }

    @Test
    void getSubscriptionAttributes_ofUnknownSubscription_failsWithNotFound() {
        assertThatThrownBy(() -> platform.client.getSubscriptionAttributes(r -> r.subscriptionArn(
                "arn:aws:sns:us-east-1:000000000000:attributes:00000000-0000-0000-0000-000000000000")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void deploy_withTemplateFilterPolicy_appliesItAndRedeployWithoutOneRemovesIt() throws Exception {
        String topicArn = "arn:aws:sns:us-east-1:000000000000:deployed-filter";
        List<TopicSpec> topics = List.of(new TopicSpec("Topic", "deployed-filter", topicArn));
        String endpoint = FUNCTION_ARN_PREFIX + "ok-deployed-filter";
        platform.sns.deploy(topics, List.of(new SubscriptionSpec("Sub", topicArn, "lambda", endpoint,
                "{\"kind\":[\"CANCELLED\"]}", "MessageAttributes")));

        platform.client.publish(r -> r.topicArn(topicArn).message("filtered out"));
        assertThat(invoker.next("ok-deployed-filter", 1)).isNull();

        platform.sns.deploy(topics, List.of(new SubscriptionSpec("Sub", topicArn, "lambda", endpoint)));
        platform.client.publish(r -> r.topicArn(topicArn).message("no filter any more"));
        RecordingInvoker.Invocation invocation = invoker.next("ok-deployed-filter", 10);
        assertThat(invocation).isNotNull();
        assertThat(ControlPlaneHarness.snsOf(invocation).getMessage()).isEqualTo("no filter any more");
    }

    private static PublishBatchRequestEntry entry(String id, String message, String channel) {
        return PublishBatchRequestEntry.builder().id(id).message(message).messageAttributes(Map.of(
                "channel", MessageAttributeValue.builder().dataType("String").stringValue(channel).build())).build();
    }

    private static String publish(String topicArn, String message, String channel, String delay) {
        return platform.client.publish(r -> r.topicArn(topicArn).message(message).messageAttributes(Map.of(
                "channel", MessageAttributeValue.builder().dataType("String").stringValue(channel).build(),
                "delay", MessageAttributeValue.builder().dataType("Number").stringValue(delay).build()))).messageId();
    }
}
