package com.flightwatch.platform.control;

import com.flightwatch.platform.sns.BatchEntry;
import com.flightwatch.platform.sns.Page;
import com.flightwatch.platform.sns.PublishBatchResult;
import com.flightwatch.platform.sns.PublishRequest;
import com.flightwatch.platform.sns.SnsService;
import com.flightwatch.platform.sns.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SNS Query API actions the AWS SDK v2 and the AWS CLI use, each turned into one call on the
 * {@link SnsService} and its answer into SNS's XML. Runs on a worker thread: every action touches
 * the database.
 */
final class SnsQueryApi {

    private final SnsService sns;

    SnsQueryApi(SnsService sns) {
        this.sns = sns;
    }

    /** @return the XML answer; failures are thrown, for {@link SnsErrors} to map */
    String handle(QueryParameters request, String requestId) {
        String action = request.get("Action");
        SnsXml result = switch (action == null ? "" : action) {
            case "CreateTopic" -> SnsXml.result().element("TopicArn", sns.createTopic(request.get("Name")));
            case "DeleteTopic" -> {
                sns.deleteTopic(request.get("TopicArn"));
                yield null;
            }
            case "GetTopicAttributes" -> attributes(sns.getTopicAttributes(request.get("TopicArn")));
            case "SetTopicAttributes" -> {
                sns.setTopicAttribute(request.get("TopicArn"), request.get("AttributeName"), request.get("AttributeValue"));
                yield null;
            }
            case "Subscribe" -> subscribe(request);
            case "ConfirmSubscription" -> SnsXml.result().element("SubscriptionArn",
                    sns.confirmSubscription(request.get("TopicArn"), request.get("Token")));
            case "Unsubscribe" -> {
                sns.unsubscribe(request.get("SubscriptionArn"));
                yield null;
            }
            case "GetSubscriptionAttributes" -> attributes(sns.getSubscriptionAttributes(request.get("SubscriptionArn")));
            case "SetSubscriptionAttributes" -> {
                sns.setSubscriptionAttribute(request.get("SubscriptionArn"), request.get("AttributeName"),
                        request.get("AttributeValue"));
                yield null;
            }
            case "Publish" -> SnsXml.result().element("MessageId", sns.publish(publishRequest(request)));
            case "PublishBatch" -> publishBatch(request);
            case "ListTopics" -> listTopics(sns.listTopics(request.get("NextToken")));
            case "ListSubscriptions" -> listSubscriptions(sns.listSubscriptions(request.get("NextToken")));
            case "ListSubscriptionsByTopic" ->
                    listSubscriptions(sns.listSubscriptionsByTopic(request.get("TopicArn"), request.get("NextToken")));
            default -> throw new InvalidActionException(action);
        };
        return SnsXml.response(action, result, requestId);
    }

    private SnsXml subscribe(QueryParameters request) {
        String subscriptionArn = sns.subscribe(request.get("TopicArn"), request.get("Protocol"), request.get("Endpoint"),
                request.stringMap("Attributes"), "true".equalsIgnoreCase(request.get("ReturnSubscriptionArn")));
        return SnsXml.result().element("SubscriptionArn", subscriptionArn);
    }

    private static SnsXml attributes(Map<String, String> attributes) {
        SnsXml xml = SnsXml.result().open("Attributes");
        attributes.forEach((key, value) -> xml.open("entry").element("key", key).element("value", value).close("entry"));
        return xml.close("Attributes");
    }

    private static PublishRequest publishRequest(QueryParameters request) {
        return new PublishRequest(request.get("TopicArn"), request.get("TargetArn"), request.get("PhoneNumber"),
                request.get("Subject"), request.get("Message"), request.messageAttributes("MessageAttributes"),
                request.get("MessageStructure"));
    }

    private SnsXml publishBatch(QueryParameters request) {
        PublishBatchResult outcome = sns.publishBatch(request.get("TopicArn"), withMessageStructures(request));
        SnsXml xml = SnsXml.result().open("Successful");
        for (PublishBatchResult.Success success : outcome.successful()) {
            xml.open("member").element("Id", success.id()).element("MessageId", success.messageId()).close("member");
        }
        xml.close("Successful").open("Failed");
        for (PublishBatchResult.Failure failure : outcome.failed()) {
            xml.open("member").element("Id", failure.id()).element("Code", failure.code())
                    .element("Message", failure.message()).element("SenderFault", failure.senderFault()).close("member");
        }
        return xml.close("Failed");
    }

    /** Each entry's {@code MessageStructure}, which {@link QueryParameters#batchEntries()} leaves out. */
    private static List<BatchEntry> withMessageStructures(QueryParameters request) {
        List<BatchEntry> entries = new ArrayList<>(request.batchEntries());
        for (int i = 0; i < entries.size(); i++) {
            String structure = request.get("PublishBatchRequestEntries.member." + (i + 1) + ".MessageStructure");
            entries.set(i, entries.get(i).withMessageStructure(structure));
        }
        return entries;
    }

    private static SnsXml listTopics(Page<String> page) {
        SnsXml xml = SnsXml.result().open("Topics");
        page.items().forEach(arn -> xml.open("member").element("TopicArn", arn).close("member"));
        return xml.close("Topics").element("NextToken", page.nextToken());
    }

    private static SnsXml listSubscriptions(Page<Subscription> page) {
        SnsXml xml = SnsXml.result().open("Subscriptions");
        for (Subscription subscription : page.items()) {
            xml.open("member")
                    .element("Owner", subscription.owner())
                    .element("Endpoint", subscription.endpoint())
                    .element("Protocol", subscription.protocol())
                    .element("SubscriptionArn", subscription.subscriptionArn())
                    .element("TopicArn", subscription.topicArn())
                    .close("member");
        }
        return xml.close("Subscriptions").element("NextToken", page.nextToken());
    }
}
