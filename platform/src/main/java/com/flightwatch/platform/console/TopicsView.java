package com.flightwatch.platform.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flightwatch.platform.sns.SnsService;
import com.flightwatch.platform.sns.Subscription;
import com.flightwatch.platform.sns.TopicSummary;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code GET /_platform/console/topics}: each topic with its counts (as {@code /_platform/topics}) and
 * its subscriptions, which no JSON route lists (the SNS API answers XML). A subscription still waiting
 * for its confirmation has {@code PendingConfirmation} as its ARN, as ListSubscriptions shows it.
 */
final class TopicsView {

    private final SnsService sns;

    TopicsView(SnsService sns) {
        this.sns = sns;
    }

    /** Blocks on the database: call it off the event loop. */
    ArrayNode json() {
        Map<String, List<Subscription>> byTopic = sns.listSubscriptions().stream()
                .collect(Collectors.groupingBy(Subscription::topicArn));
        ArrayNode topics = ConsoleJson.JSON.createArrayNode();
        for (TopicSummary topic : sns.topicSummaries()) {
            ObjectNode json = topics.addObject()
                    .put("name", topic.name())
                    .put("topicArn", topic.topicArn())
                    .put("pendingDeliveries", topic.pendingDeliveries())
                    .put("deadLetters", topic.deadLetters());
            ArrayNode subscriptions = json.putArray("subscriptions");
            byTopic.getOrDefault(topic.topicArn(), List.of()).forEach(subscription -> subscriptions.addObject()
                    .put("subscriptionArn", subscription.subscriptionArn())
                    .put("protocol", subscription.protocol())
                    .put("endpoint", subscription.endpoint()));
        }
        return topics;
    }
}
