package com.flightwatch.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** What the fan-out benchmark reads from the platform's database: the SMS outbox, the SMS function's activations. */
final class FanOutProbe {

    /** The SMS function's invocations of one fan-out: how many, their mean duration, how many were cold. */
    record Activations(int invocations, double meanMillis, int coldStarts) {
    }

    private final Connection connection;
    private final String smsFunction;

    FanOutProbe(Connection connection, String smsFunction) {
        this.connection = connection;
        this.smsFunction = smsFunction;
    }

    int outboxCount(String phonePrefix) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM sms_outbox WHERE phone_number LIKE ?")) {
            select.setString(1, phonePrefix + "%");
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Activation records are written in batches off the invocation path: the last ones may lag a second. */
    Activations smsActivationsSince(Instant since) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*), AVG(duration_ms),"
                + " SUM(init_duration_ms IS NOT NULL) FROM platform_activations WHERE function_name = ? AND started_at >= ?")) {
            select.setString(1, smsFunction);
            select.setObject(2, LocalDateTime.ofInstant(since, ZoneOffset.UTC));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Activations(row.getInt(1), row.getDouble(2), row.getInt(3));
            }
        }
    }
}
