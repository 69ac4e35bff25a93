package com.flightwatch.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads (and, to stand in for the passing of time, back-dates) what a platform running in another
 * JVM stored: the SMS outbox and SNS deliveries in its platform database, the alerts and SMS claims
 * in the stack's application database. Straight JDBC on the embedded MariaDB's port.
 */
final class PlatformDataProbe implements AutoCloseable {

    private final Connection connection;
    private final String appSchema;

    PlatformDataProbe(int databasePort) throws SQLException {
        connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + databasePort
                + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true", "root", "");
        appSchema = single("SELECT table_schema FROM information_schema.tables WHERE table_name = 'alerts' LIMIT 1");
    }

    /** SMS in the outbox to numbers that start with {@code phonePrefix}. */
    int outboxCount(String phonePrefix) throws SQLException {
        return Integer.parseInt(single("SELECT COUNT(*) FROM platform.sms_outbox WHERE phone_number LIKE ?", phonePrefix + "%"));
    }

    /** How many SMS each number that starts with {@code phonePrefix} received. */
    Map<String, Integer> textsPerPhone(String phonePrefix) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT phone_number, COUNT(*) FROM platform.sms_outbox"
                + " WHERE phone_number LIKE ? GROUP BY phone_number")) {
            select.setString(1, phonePrefix + "%");
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    /** The flight's notification, once AlertsHandler committed it; null before. */
    String notificationId(String flightNumber) throws SQLException {
        return single("SELECT notification_id FROM " + appSchema + ".notifications WHERE flight_number = ? LIMIT 1", flightNumber);
    }

    /** Alerts of the notification in each status. */
    Map<String, Integer> alertStatuses(String notificationId) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT status, COUNT(*) FROM " + appSchema
                + ".alerts WHERE notification_id = ? GROUP BY status")) {
            select.setString(1, notificationId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    /** SMS claims taken before {@code before} and never completed: alerts the killed invocations held. */
    int heldClaims(String notificationId, Instant before) throws SQLException {
        return Integer.parseInt(single("SELECT COUNT(*) FROM " + heldClaimsOf(), notificationId,
                LocalDateTime.ofInstant(before, ZoneOffset.UTC)));
    }

    /**
     * The SMS invocations that held claims when the platform died: an invocation claims the alerts of
     * its message in one go, with one claim time and one lease, so each distinct pair is one invocation.
     */
    int claimingInvocations(String notificationId, Instant before) throws SQLException {
        return Integer.parseInt(single("SELECT COUNT(DISTINCT d.claimed_at, d.lease_until) FROM " + heldClaimsOf(),
                notificationId, LocalDateTime.ofInstant(before, ZoneOffset.UTC)));
    }

    private String heldClaimsOf() {
        return appSchema + ".sms_deliveries d JOIN " + appSchema + ".alerts a ON a.alert_id = d.alert_id"
                + " WHERE a.notification_id = ? AND d.state = 'CLAIMED' AND d.claimed_at < ?";
    }

    int pendingDeliveries() throws SQLException {
        return Integer.parseInt(single("SELECT COUNT(*) FROM platform.sns_deliveries WHERE state = 'PENDING'"));
    }

    /**
     * Moves the notification's QUEUED alerts and held SMS claims {@code minutes} into the past: what
     * waiting that long would do, for the sweeper's grace period and the SMS function's claim lease.
     * @return how many alerts and claims were moved
     */
    int backdateUnfinished(String notificationId, int minutes) throws SQLException {
        int moved;
        try (PreparedStatement claims = connection.prepareStatement("UPDATE " + appSchema + ".sms_deliveries d JOIN "
                + appSchema + ".alerts a ON a.alert_id = d.alert_id SET d.claimed_at = d.claimed_at - INTERVAL ? MINUTE,"
                + " d.lease_until = d.lease_until - INTERVAL ? MINUTE"
                + " WHERE a.notification_id = ? AND d.state = 'CLAIMED'")) {
            claims.setInt(1, minutes);
            claims.setInt(2, minutes);
            claims.setString(3, notificationId);
            moved = claims.executeUpdate();
        }
        try (PreparedStatement alerts = connection.prepareStatement("UPDATE " + appSchema + ".alerts"
                + " SET created_at = created_at - INTERVAL ? MINUTE WHERE notification_id = ? AND status = 'QUEUED'")) {
            alerts.setInt(1, minutes);
            alerts.setString(2, notificationId);
            moved += alerts.executeUpdate();
        }
        return moved;
    }

    private String single(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
