package com.flightwatch.platform.sns;

import com.flightwatch.platform.stack.AwsIds;
import com.flightwatch.platform.store.Jdbc;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Topics and subscriptions, in {@code sns_topics} and {@code sns_subscriptions}. */
final class TopicStore {

    static final int PAGE_SIZE = 100;
    static final String PENDING_CONFIRMATION = "PendingConfirmation";

    private final DataSource dataSource;

    TopicStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the topic unless it exists; either way it exists afterwards. */
    void createTopic(String topicArn, String name, Instant now) {
        Jdbc.withConnection(dataSource, "create topic " + name, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT IGNORE INTO sns_topics (topic_arn, name, created_at) VALUES (?, ?, ?)")) {
                insert.setString(1, topicArn);
                insert.setString(2, name);
                Jdbc.setInstant(insert, 3, now);
                return insert.executeUpdate();
            }
        });
    }

    boolean topicExists(String topicArn) {
        return Jdbc.withConnection(dataSource, "look up a topic", connection -> topicExists(connection, topicArn));
    }

    /** The ARN of the topic called {@code name}; topics of one platform share a region, so names are unique. */
    Optional<String> topicArnByName(String name) {
        return Jdbc.withConnection(dataSource, "look up topic " + name, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT topic_arn FROM sns_topics WHERE name = ? ORDER BY topic_arn LIMIT 1")) {
                select.setString(1, name);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    static boolean topicExists(Connection connection, String topicArn) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM sns_topics WHERE topic_arn = ?")) {
            select.setString(1, topicArn);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** What Subscribe left: the subscription, and the token its endpoint must confirm with while it is pending. */
    record Subscribed(String subscriptionArn, boolean pendingConfirmation, String confirmationToken) {
    }

    /**
     * Subscribes, or returns the existing subscription of the same endpoint and protocol, as SNS does.
     * With {@code needsConfirmation} a new subscription starts pending, with a fresh token.
     */
    Subscribed subscribe(String topicArn, String protocol, String endpoint, boolean needsConfirmation, Instant now) {
        return Jdbc.inTransaction(dataSource, "subscribe to " + topicArn, connection -> {
            if (!topicExists(connection, topicArn)) {
                throw new TopicNotFoundException("Topic does not exist");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO sns_subscriptions"
                    + " (subscription_arn, topic_arn, protocol, endpoint, created_at, pending_confirmation, confirmation_token)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, topicArn + ":" + UUID.randomUUID());
                insert.setString(2, topicArn);
                insert.setString(3, protocol);
                insert.setString(4, endpoint);
                Jdbc.setInstant(insert, 5, now);
                insert.setBoolean(6, needsConfirmation);
                insert.setString(7, needsConfirmation ? newToken() : null);
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT subscription_arn, pending_confirmation,"
                    + " confirmation_token FROM sns_subscriptions WHERE topic_arn = ? AND protocol = ? AND endpoint = ?")) {
                select.setString(1, topicArn);
                select.setString(2, protocol);
                select.setString(3, endpoint);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return new Subscribed(row.getString(1), row.getBoolean(2), row.getString(3));
                }
            }
        });
    }

    /**
     * Confirms the topic's subscription that was sent {@code token}; confirming twice is no error.
     * @return the subscription's ARN, empty when no subscription of the topic has that token
     */
    Optional<String> confirm(String topicArn, String token) {
        return Jdbc.inTransaction(dataSource, "confirm a subscription to " + topicArn, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sns_subscriptions SET pending_confirmation"
                    + " = FALSE WHERE topic_arn = ? AND confirmation_token = ?")) {
                update.setString(1, topicArn);
                update.setString(2, token);
                update.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT subscription_arn FROM sns_subscriptions"
                    + " WHERE topic_arn = ? AND confirmation_token = ?")) {
                select.setString(1, topicArn);
                select.setString(2, token);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** SNS's tokens are long hex strings; this one is 128 random bits twice over. */
    private static String newToken() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    /**
     * Removes the subscription and what was still to be delivered to it, as SNS stops delivering at
     * once. @return whether a subscription was removed; unsubscribing twice is not an error in SNS
     */
    boolean unsubscribe(String subscriptionArn) {
        return Jdbc.inTransaction(dataSource, "unsubscribe", connection -> {
            try (PreparedStatement pending = connection.prepareStatement(
                    "DELETE FROM sns_deliveries WHERE subscription_arn = ? AND state = 'PENDING'")) {
                pending.setString(1, subscriptionArn);
                pending.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM sns_subscriptions WHERE subscription_arn = ?")) {
                delete.setString(1, subscriptionArn);
                return delete.executeUpdate() > 0;
            }
        });
    }

    /**
     * Deletes the topic, its subscriptions and what was still to be delivered to them. Deleting a
     * topic that does not exist is no error, as in SNS.
     */
    void deleteTopic(String topicArn) {
        Jdbc.inTransaction(dataSource, "delete topic " + topicArn, connection -> {
            try (PreparedStatement pending = connection.prepareStatement("DELETE FROM sns_deliveries WHERE state = 'PENDING'"
                    + " AND subscription_arn IN (SELECT subscription_arn FROM sns_subscriptions WHERE topic_arn = ?)")) {
                pending.setString(1, topicArn);
                pending.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sns_topics WHERE topic_arn = ?")) {
                delete.setString(1, topicArn);
                return delete.executeUpdate();
            }
        });
    }

    Page<String> listTopics(String nextToken) {
        String after = decodeToken(nextToken);
        return Jdbc.withConnection(dataSource, "list topics", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT topic_arn FROM sns_topics WHERE topic_arn > ? ORDER BY topic_arn LIMIT ?")) {
                select.setString(1, after);
                select.setInt(2, PAGE_SIZE + 1);
                List<String> arns = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        arns.add(rows.getString(1));
                    }
                }
                return page(arns, arns::get);
            }
        });
    }

    /** All subscriptions, or those of one topic when {@code topicArn} is given. */
    Page<Subscription> listSubscriptions(Optional<String> topicArn, String nextToken) {
        String after = decodeToken(nextToken);
        return Jdbc.withConnection(dataSource, "list subscriptions", connection -> {
            String sql = "SELECT subscription_arn, topic_arn, protocol, endpoint, pending_confirmation FROM sns_subscriptions"
                    + " WHERE subscription_arn > ?" + (topicArn.isPresent() ? " AND topic_arn = ?" : "")
                    + " ORDER BY subscription_arn LIMIT " + (PAGE_SIZE + 1);
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, after);
                if (topicArn.isPresent()) {
                    select.setString(2, topicArn.get());
                }
                List<Subscription> subscriptions = new ArrayList<>();
                List<String> arns = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        // SNS lists a subscription waiting for its endpoint under this word instead of its ARN.
                        String shownArn = rows.getBoolean(5) ? PENDING_CONFIRMATION : rows.getString(1);
                        subscriptions.add(new Subscription(shownArn, rows.getString(2), rows.getString(3),
                                rows.getString(4), AwsIds.ACCOUNT_ID));
                        arns.add(rows.getString(1));
                    }
                }
                return page(subscriptions, arns::get);
            }
        });
    }

    /** @param keyAt the sort key of the row at an index: what the next page starts after */
    private static <T> Page<T> page(List<T> rows, java.util.function.IntFunction<String> keyAt) {
        if (rows.size() <= PAGE_SIZE) {
            return new Page<>(rows, null);
        }
        List<T> items = List.copyOf(rows.subList(0, PAGE_SIZE));
        String last = keyAt.apply(PAGE_SIZE - 1);
        return new Page<>(items, Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8)));
    }

    private static String decodeToken(String nextToken) {
        if (nextToken == null || nextToken.isEmpty()) {
            return "";
        }
        try {
            return new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("Invalid parameter: NextToken");
        }
    }
}
