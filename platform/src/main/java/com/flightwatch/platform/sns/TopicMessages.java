package com.flightwatch.platform.sns;

import com.flightwatch.platform.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * Stores topic messages with one delivery per matching subscription, a whole PublishBatch in one
 * transaction: one query for the topic and its subscriptions, one multi-row INSERT of the messages,
 * one (per {@value #ROWS_PER_INSERT} rows) of the deliveries, one commit. A publish is durable when
 * this returns; subscriptions still waiting for their endpoint's confirmation get none, as in SNS.
 */
final class TopicMessages {

    /** Keeps a multi-row INSERT well under the server's 65,535 placeholders and packet size. */
    static final int ROWS_PER_INSERT = 500;

    private final DataSource dataSource;
    private final FilterPolicies policies = new FilterPolicies();

    TopicMessages(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A subscription as the fan-out needs it; {@code filterPolicy} null when it takes every message. */
    private record Subscriber(String subscriptionArn, String protocol, String endpoint, String filterPolicy,
            String filterPolicyScope) {
    }

    /** One message for one subscriber, due when the message was published. */
    private record QueuedDelivery(StoredMessage message, Subscriber subscriber) {
    }

    /**
     * @param messages messages of one topic
     * @return the number of deliveries queued
     * @throws TopicNotFoundException when the topic does not exist (nothing is stored)
     */
    int store(List<StoredMessage> messages) {
        if (messages.isEmpty()) {
            return 0;
        }
        String topicArn = messages.get(0).topicArn();
        for (StoredMessage message : messages) {
            if (!message.topicArn().equals(topicArn)) {
                throw new IllegalArgumentException("messages must share one topic: " + topicArn + ", " + message.topicArn());
            }
        }
        return Jdbc.inTransaction(dataSource, "store " + messages.size() + " message(s) for " + topicArn, connection -> {
            List<Subscriber> subscribers = subscribers(connection, topicArn);
            insertMessages(connection, messages);
            List<QueuedDelivery> deliveries = new ArrayList<>();
            for (StoredMessage message : messages) {
                for (Subscriber subscriber : subscribers) {
                    if (matches(subscriber, message)) {
                        deliveries.add(new QueuedDelivery(message, subscriber));
                    }
                }
            }
            insertDeliveries(connection, deliveries);
            return deliveries.size();
        });
    }

    private boolean matches(Subscriber subscriber, StoredMessage message) {
        return subscriber.filterPolicy() == null || policies.get(subscriber.filterPolicy(), subscriber.filterPolicyScope())
                .matches(message.attributes(), message.message());
    }

    /** The topic's confirmed subscriptions; the LEFT JOIN tells a topic without any from a missing topic. */
    private static List<Subscriber> subscribers(Connection connection, String topicArn) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT t.topic_arn, s.subscription_arn, s.protocol,"
                + " s.endpoint, s.filter_policy, s.filter_policy_scope FROM sns_topics t LEFT JOIN sns_subscriptions s"
                + " ON s.topic_arn = t.topic_arn AND s.pending_confirmation = FALSE WHERE t.topic_arn = ?")) {
            select.setString(1, topicArn);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new TopicNotFoundException("Topic does not exist");
                }
                if (rows.getString("subscription_arn") == null) {
                    return Collections.emptyList();
                }
                List<Subscriber> subscribers = new ArrayList<>();
                do {
                    subscribers.add(new Subscriber(rows.getString("subscription_arn"), rows.getString("protocol"),
                            rows.getString("endpoint"), rows.getString("filter_policy"), rows.getString("filter_policy_scope")));
                } while (rows.next());
                return subscribers;
            }
        }
    }

    private static void insertMessages(Connection connection, List<StoredMessage> messages) throws SQLException {
        for (List<StoredMessage> chunk : chunks(messages)) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sns_messages"
                    + " (message_id, topic_arn, subject, message, attributes_json, published_at) VALUES "
                    + rows("(?, ?, ?, ?, ?, ?)", chunk.size()))) {
                int index = 1;
                for (StoredMessage message : chunk) {
                    insert.setString(index++, message.messageId());
                    insert.setString(index++, message.topicArn());
                    insert.setString(index++, message.subject());
                    insert.setString(index++, message.message());
                    insert.setString(index++, MessageLog.toJson(message.attributes()));
                    Jdbc.setInstant(insert, index++, message.publishedAt());
                }
                insert.executeUpdate();
            }
        }
    }

    private static void insertDeliveries(Connection connection, List<QueuedDelivery> deliveries) throws SQLException {
        for (List<QueuedDelivery> chunk : chunks(deliveries)) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sns_deliveries"
                    + " (message_id, subscription_arn, protocol, endpoint, state, attempt, due_at) VALUES "
                    + rows("(?, ?, ?, ?, 'PENDING', 0, ?)", chunk.size()))) {
                int index = 1;
                for (QueuedDelivery delivery : chunk) {
                    insert.setString(index++, delivery.message().messageId());
                    insert.setString(index++, delivery.subscriber().subscriptionArn());
                    insert.setString(index++, delivery.subscriber().protocol());
                    insert.setString(index++, delivery.subscriber().endpoint());
                    Jdbc.setInstant(insert, index++, delivery.message().publishedAt());
                }
                insert.executeUpdate();
            }
        }
    }

    private static String rows(String row, int count) {
        return String.join(", ", Collections.nCopies(count, row));
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += ROWS_PER_INSERT) {
            chunks.add(items.subList(from, Math.min(items.size(), from + ROWS_PER_INSERT)));
        }
        return chunks;
    }
}
