package com.flightwatch.common.repository;

import com.flightwatch.common.db.Jdbc;
import com.flightwatch.common.domain.AlertStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/** {@link SmsDeliveryRepository} on MySQL/MariaDB: INSERT IGNORE is the claim. */
public final class JdbcSmsDeliveryRepository implements SmsDeliveryRepository {

    static final int FAILURE_REASON_MAX = 500;
    /** The lease of claims stored before their lease was: longer than any Lambda may run (15 minutes). */
    private static final int LEGACY_LEASE_MINUTES = 16;

    private final DataSource dataSource;

    public JdbcSmsDeliveryRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean claim(String alertId, Instant now, Instant leaseUntil) {
        return Jdbc.withConnection(dataSource, "claim sms delivery",
                connection -> claimOn(connection, alertId, now, leaseUntil));
    }

    /**
     * One transaction, one commit for the whole group; the ids in a fixed order, so two invocations
     * claiming overlapping groups (a redelivery) take their row locks in the same order, not a deadlock.
     */
    @Override
    public Set<String> claimAll(List<String> alertIds, Instant now, Instant leaseUntil) {
        return Jdbc.inTransaction(dataSource, "claim sms deliveries", connection -> {
            Set<String> claimed = new LinkedHashSet<>();
            for (String alertId : new TreeSet<>(alertIds)) {
                if (claimOn(connection, alertId, now, leaseUntil)) {
                    claimed.add(alertId);
                }
            }
            return claimed;
        });
    }

    private static boolean claimOn(Connection connection, String alertId, Instant now, Instant leaseUntil)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO sms_deliveries"
                + " (alert_id, state, claimed_at, lease_until) VALUES (?, 'CLAIMED', ?, ?)")) {
            insert.setString(1, alertId);
            insert.setObject(2, Jdbc.toDb(now));
            insert.setObject(3, Jdbc.toDb(leaseUntil));
            if (insert.executeUpdate() == 1) {
                return true;
            }
        }
        // A claim from before leases were recorded (lease_until NULL) keeps the old 16-minute lease.
        try (PreparedStatement reclaim = connection.prepareStatement("UPDATE sms_deliveries"
                + " SET claimed_at = ?, lease_until = ? WHERE alert_id = ? AND state = 'CLAIMED'"
                + " AND COALESCE(lease_until, claimed_at + INTERVAL " + LEGACY_LEASE_MINUTES + " MINUTE) < ?")) {
            reclaim.setObject(1, Jdbc.toDb(now));
            reclaim.setObject(2, Jdbc.toDb(leaseUntil));
            reclaim.setString(3, alertId);
            reclaim.setObject(4, Jdbc.toDb(now));
            return reclaim.executeUpdate() == 1;
        }
    }

    @Override
    public void markSent(String alertId, String providerMessageId, Instant sentAt) {
        Jdbc.inTransaction(dataSource, "record sms sent", connection -> {
            complete(connection, alertId, "SENT", sentAt, providerMessageId);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE alerts SET status = ?, sent_at = ?, failure_reason = NULL WHERE alert_id = ?")) {
                update.setString(1, AlertStatus.SENT.name());
                update.setObject(2, Jdbc.toDb(sentAt));
                update.setString(3, alertId);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void markFailed(String alertId, String failureReason, Instant failedAt) {
        String reason = failureReason == null ? "unknown" : failureReason;
        String stored = reason.length() > FAILURE_REASON_MAX ? reason.substring(0, FAILURE_REASON_MAX) : reason;
        Jdbc.inTransaction(dataSource, "record sms failure", connection -> {
            complete(connection, alertId, "FAILED", failedAt, null);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE alerts SET status = ?, failure_reason = ? WHERE alert_id = ?")) {
                update.setString(1, AlertStatus.FAILED.name());
                update.setString(2, stored);
                update.setString(3, alertId);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void release(String alertId) {
        Jdbc.withConnection(dataSource, "release sms claim", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM sms_deliveries WHERE alert_id = ? AND state = 'CLAIMED'")) {
                delete.setString(1, alertId);
                return delete.executeUpdate();
            }
        });
    }

    private static void complete(Connection connection, String alertId, String state, Instant at,
            String providerMessageId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sms_deliveries"
                + " SET state = ?, completed_at = ?, provider_message_id = ? WHERE alert_id = ?")) {
            update.setString(1, state);
            update.setObject(2, Jdbc.toDb(at));
            update.setString(3, providerMessageId);
            update.setString(4, alertId);
            update.executeUpdate();
        }
    }
}
