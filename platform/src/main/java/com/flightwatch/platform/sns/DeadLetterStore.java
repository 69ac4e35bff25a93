package com.flightwatch.platform.sns;

import com.flightwatch.platform.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * The dead letters in {@code sns_dead_letters} (by topic, by RedrivePolicy target queue), and their redrive: a redriven letter
 * becomes a fresh pending delivery (attempt 0, due now) and leaves the store in the same
 * transaction, so it is never both queued and dead, nor lost in between.
 */
final class DeadLetterStore {

    private final DataSource dataSource;

    DeadLetterStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static final String COLUMNS = "SELECT l.delivery_id, l.message_id, l.subscription_arn, l.endpoint,"
            + " l.attempts, l.last_error, l.dead_at, l.dead_letter_target_arn FROM sns_dead_letters l";

    /**
     * The oldest {@code limit} dead letters of messages published to {@code topicArn}; only those
     * that went to {@code deadLetterTargetArn} when it is not null.
     */
    List<DeadLetter> list(String topicArn, String deadLetterTargetArn, int limit) {
        String target = deadLetterTargetArn == null ? "" : " AND l.dead_letter_target_arn = ?";
        return query("list dead letters of " + topicArn, COLUMNS + " JOIN sns_messages m ON m.message_id = l.message_id"
                + " WHERE m.topic_arn = ?" + target + " ORDER BY l.dead_at, l.delivery_id LIMIT ?",
                deadLetterTargetArn == null ? List.of(topicArn, limit) : List.of(topicArn, deadLetterTargetArn, limit));
    }

    /** The oldest {@code limit} dead letters of every topic whose RedrivePolicy names the queue {@code queueName}. */
    List<DeadLetter> listByQueue(String queueName, int limit) {
        // Queue ARNs end in ":name"; comparing the suffix avoids LIKE's wildcards in names such as "a_b".
        String suffix = ":" + queueName;
        return query("list dead letters of queue " + queueName, COLUMNS
                + " WHERE RIGHT(l.dead_letter_target_arn, CHAR_LENGTH(?)) = ? ORDER BY l.dead_at, l.delivery_id LIMIT ?",
                List.of(suffix, suffix, limit));
    }

    /** The oldest {@code limit} dead letters of every topic. */
    List<DeadLetter> listAll(int limit) {
        return query("list dead letters", COLUMNS + " ORDER BY l.dead_at, l.delivery_id LIMIT ?", List.of(limit));
    }

    private List<DeadLetter> query(String what, String sql, List<Object> parameters) {
        return Jdbc.withConnection(dataSource, what, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                List<DeadLetter> letters = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        letters.add(new DeadLetter(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                                rows.getInt(5), rows.getString(6), Jdbc.getInstant(rows, "dead_at"), rows.getString(8)));
                    }
                }
                return letters;
            }
        });
    }

    /**
     * Queues the topic's dead letters again: all of them when {@code deliveryIds} is empty, else
     * those of the ids that belong to the topic (others are ignored). @return how many were queued
     */
    int redrive(String topicArn, List<Long> deliveryIds, Instant now) {
        return Jdbc.inTransaction(dataSource, "redrive dead letters of " + topicArn, connection -> {
            List<Long> ids = lockLetters(connection, topicArn, deliveryIds);
            if (ids.isEmpty()) {
                return 0;
            }
            String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
            try (PreparedStatement requeue = connection.prepareStatement("INSERT INTO sns_deliveries"
                    + " (message_id, subscription_arn, protocol, endpoint, state, attempt, due_at)"
                    + " SELECT message_id, subscription_arn, protocol, endpoint, 'PENDING', 0, ? FROM sns_dead_letters"
                    + " WHERE delivery_id IN (" + placeholders + ")")) {
                Jdbc.setInstant(requeue, 1, now);
                bindIds(requeue, 2, ids);
                requeue.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM sns_dead_letters WHERE delivery_id IN (" + placeholders + ")")) {
                bindIds(delete, 1, ids);
                return delete.executeUpdate();
            }
        });
    }

    /** Every topic with its counts, by name. */
    List<TopicSummary> summaries() {
        return Jdbc.withConnection(dataSource, "summarize topics", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT t.name, t.topic_arn,"
                    + " (SELECT COUNT(*) FROM sns_subscriptions s WHERE s.topic_arn = t.topic_arn) AS subscriptions,"
                    + " (SELECT COUNT(*) FROM sns_deliveries d JOIN sns_messages m ON m.message_id = d.message_id"
                    + "  WHERE m.topic_arn = t.topic_arn AND d.state = 'PENDING') AS pending,"
                    + " (SELECT COUNT(*) FROM sns_dead_letters l JOIN sns_messages m ON m.message_id = l.message_id"
                    + "  WHERE m.topic_arn = t.topic_arn) AS dead FROM sns_topics t ORDER BY t.name, t.topic_arn");
                 ResultSet rows = select.executeQuery()) {
                List<TopicSummary> summaries = new ArrayList<>();
                while (rows.next()) {
                    summaries.add(new TopicSummary(rows.getString("name"), rows.getString("topic_arn"),
                            rows.getInt("subscriptions"), rows.getInt("pending"), rows.getInt("dead")));
                }
                return summaries;
            }
        });
    }

    private static List<Long> lockLetters(Connection connection, String topicArn, List<Long> deliveryIds) throws SQLException {
        String onlyIds = deliveryIds.isEmpty() ? ""
                : " AND l.delivery_id IN (" + String.join(", ", Collections.nCopies(deliveryIds.size(), "?")) + ")";
        try (PreparedStatement select = connection.prepareStatement("SELECT l.delivery_id FROM sns_dead_letters l"
                + " JOIN sns_messages m ON m.message_id = l.message_id WHERE m.topic_arn = ?" + onlyIds
                + " ORDER BY l.delivery_id FOR UPDATE")) {
            select.setString(1, topicArn);
            bindIds(select, 2, deliveryIds);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    private static void bindIds(PreparedStatement statement, int firstIndex, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            statement.setLong(firstIndex + i, ids.get(i));
        }
    }
}
