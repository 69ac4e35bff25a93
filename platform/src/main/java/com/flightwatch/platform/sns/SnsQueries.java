package com.flightwatch.platform.sns;

import com.flightwatch.platform.store.Jdbc;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/** What the SNS API's List actions and the platform's routes read: topics, subscriptions, the SMS outbox, counts. */
final class SnsQueries {

    static final int LIST_LIMIT = 1000;

    private final DataSource dataSource;
    private final TopicStore topics;
    private final MessageLog messages;
    private final DeliveryQueue deliveries;

    SnsQueries(DataSource dataSource, TopicStore topics, MessageLog messages, DeliveryQueue deliveries) {
        this.dataSource = dataSource;
        this.topics = topics;
        this.messages = messages;
        this.deliveries = deliveries;
    }

    Page<String> listTopics(String nextToken) {
        return topics.listTopics(nextToken);
    }

    Page<Subscription> listSubscriptions(String nextToken) {
        return topics.listSubscriptions(Optional.empty(), nextToken);
    }

    /** @throws TopicNotFoundException when the topic does not exist */
    Page<Subscription> listSubscriptionsByTopic(String topicArn, String nextToken) {
        SnsRequests.topicArn(topicArn, "TopicArn");
        if (!topics.topicExists(topicArn)) {
            throw new TopicNotFoundException("Topic does not exist");
        }
        return topics.listSubscriptions(Optional.of(topicArn), nextToken);
    }

    /** The newest 1000 SMS to {@code phoneNumber} (every number when null), oldest first. */
    List<SmsMessage> listSms(String phoneNumber) {
        return messages.listSms(phoneNumber, LIST_LIMIT);
    }

    int pendingDeliveries() {
        return deliveries.pendingCount();
    }

    boolean storeReachable() {
        try {
            return Jdbc.withConnection(dataSource, "check the database", connection -> connection.isValid(2));
        } catch (RuntimeException e) {
            return false;
        }
    }

    static <T> List<T> allPages(Function<String, Page<T>> fetch) {
        List<T> all = new ArrayList<>();
        String token = null;
        do {
            Page<T> page = fetch.apply(token);
            all.addAll(page.items());
            token = page.nextToken();
        } while (token != null);
        return all;
    }
}
