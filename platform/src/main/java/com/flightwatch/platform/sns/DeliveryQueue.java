package com.flightwatch.platform.sns;

import com.flightwatch.platform.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The deliveries in {@code sns_deliveries}, as a queue with leases: due rows are claimed by stamping
 * them with a token and a lease in one transaction, so no two workers (nor two platforms on one
 * database) ever hold the same delivery; an outcome is recorded only under the claim's token.
 */
final class DeliveryQueue {

    private static final int MAX_ERROR_LENGTH = 1000;

    private final DataSource dataSource;

    DeliveryQueue(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims up to {@code max} due deliveries. Rows another transaction has locked (a worker
     * recording an outcome) are skipped rather than waited for, which keeps claims and outcomes
     * from deadlocking each other.
     */
    List<Delivery> claimDue(int max, Instant now, Duration lease) {
        String token = UUID.randomUUID().toString();
        return Jdbc.inTransaction(dataSource, "claim deliveries", connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement due = connection.prepareStatement("SELECT id FROM sns_deliveries"
                    + " WHERE state = 'PENDING' AND due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)"
                    + " ORDER BY due_at, id LIMIT ? FOR UPDATE SKIP LOCKED")) {
                Jdbc.setInstant(due, 1, now);
                Jdbc.setInstant(due, 2, now);
                due.setInt(3, max);
                try (ResultSet rows = due.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
            try (PreparedStatement claim = connection.prepareStatement("UPDATE sns_deliveries"
                    + " SET claim_token = ?, lease_until = ?, attempt = attempt + 1 WHERE id IN (" + placeholders + ")")) {
                claim.setString(1, token);
                Jdbc.setInstant(claim, 2, now.plus(lease));
                for (int i = 0; i < ids.size(); i++) {
                    claim.setLong(3 + i, ids.get(i));
                }
                claim.executeUpdate();
            }
            // The subscription's options are read at each attempt: a changed RedrivePolicy applies to what is pending.
            try (PreparedStatement select = connection.prepareStatement("SELECT d.id, d.attempt, d.subscription_arn,"
                    + " d.protocol, d.endpoint, m.message_id, m.topic_arn, m.subject, m.message, m.attributes_json,"
                    + " m.published_at, s.raw_message_delivery, s.redrive_policy FROM sns_deliveries d"
                    + " JOIN sns_messages m ON m.message_id = d.message_id"
                    + " LEFT JOIN sns_subscriptions s ON s.subscription_arn = d.subscription_arn"
                    + " WHERE d.claim_token = ? ORDER BY d.due_at, d.id")) {
                select.setString(1, token);
                List<Delivery> claimed = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        StoredMessage message = new StoredMessage(rows.getString("message_id"), rows.getString("topic_arn"),
                                rows.getString("subject"), rows.getString("message"),
                                MessageLog.fromJson(rows.getString("attributes_json")), Jdbc.getInstant(rows, "published_at"));
                        claimed.add(new Delivery(rows.getLong("id"), token, rows.getInt("attempt"),
                                rows.getString("subscription_arn"), rows.getString("protocol"), rows.getString("endpoint"),
                                message, rows.getBoolean("raw_message_delivery"),
                                RedrivePolicies.deadLetterTargetArn(rows.getString("redrive_policy"))));
                    }
                }
                return claimed;
            }
        });
    }

    /** When the next pending delivery becomes claimable, if any is pending. */
    Optional<Instant> nextDueAt() {
        return Jdbc.withConnection(dataSource, "find the next due delivery", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT MIN(GREATEST(due_at,"
                    + " COALESCE(lease_until, due_at))) AS next_due FROM sns_deliveries WHERE state = 'PENDING'");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return Optional.ofNullable(Jdbc.getInstant(row, "next_due"));
            }
        });
    }

    void markDelivered(Delivery delivery, Instant now) {
        Jdbc.withConnection(dataSource, "record a delivery", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sns_deliveries"
                    + " SET state = 'DELIVERED', delivered_at = ?, lease_until = NULL WHERE id = ? AND claim_token = ?")) {
                Jdbc.setInstant(update, 1, now);
                update.setLong(2, delivery.id());
                update.setString(3, delivery.claimToken());
                return update.executeUpdate();
            }
        });
    }

    void retryAt(Delivery delivery, Instant dueAt, String error) {
        Jdbc.withConnection(dataSource, "schedule a retry", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sns_deliveries"
                    + " SET due_at = ?, lease_until = NULL, claim_token = NULL, last_error = ?"
                    + " WHERE id = ? AND claim_token = ?")) {
                Jdbc.setInstant(update, 1, dueAt);
                update.setString(2, truncate(error));
                update.setLong(3, delivery.id());
                update.setString(4, delivery.claimToken());
                return update.executeUpdate();
            }
        });
    }

    /** Moves the delivery to {@code sns_dead_letters}, in one transaction, if the claim still holds. */
    void deadLetter(Delivery delivery, Instant now, String error) {
        Jdbc.inTransaction(dataSource, "dead-letter a delivery", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM sns_deliveries WHERE id = ? AND claim_token = ?")) {
                delete.setLong(1, delivery.id());
                delete.setString(2, delivery.claimToken());
                if (delete.executeUpdate() == 0) {
                    return 0;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sns_dead_letters (delivery_id,"
                    + " message_id, subscription_arn, protocol, endpoint, attempts, last_error, dead_at,"
                    + " dead_letter_target_arn) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, delivery.id());
                insert.setString(2, delivery.message().messageId());
                insert.setString(3, delivery.subscriptionArn());
                insert.setString(4, delivery.protocol());
                insert.setString(5, delivery.endpoint());
                insert.setInt(6, delivery.attempt());
                insert.setString(7, truncate(error));
                Jdbc.setInstant(insert, 8, now);
                insert.setString(9, delivery.deadLetterTargetArn());
                return insert.executeUpdate();
            }
        });
    }

    /** Frees every lease: for a start after a crash, when this platform is the database's only user. */
    int releaseAllLeases() {
        return Jdbc.withConnection(dataSource, "release delivery leases", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sns_deliveries"
                    + " SET lease_until = NULL, claim_token = NULL WHERE state = 'PENDING' AND lease_until IS NOT NULL")) {
                return update.executeUpdate();
            }
        });
    }

    /** Deliveries not yet delivered nor dead-lettered. */
    int pendingCount() {
        return Jdbc.withConnection(dataSource, "count pending deliveries", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM sns_deliveries WHERE state = 'PENDING'");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
