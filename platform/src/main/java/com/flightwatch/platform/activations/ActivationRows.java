package com.flightwatch.platform.activations;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;

/** How an {@link Activation} maps to a row of {@code platform_activations} (migrations V7 and V8), both ways. */
final class ActivationRows {

    /** Every column but the two large ones: what a list reads. */
    static final String SUMMARY_COLUMNS = "activation_id, function_name, version, trigger_source, cause, started_at,"
            + " ended_at, duration_ms, init_duration_ms, wait_time_ms, status, error_type, error_message, kind,"
            + " memory_limit_mb";
    static final String ALL_COLUMNS = SUMMARY_COLUMNS + ", result, logs";
    static final String INSERT = "INSERT IGNORE INTO platform_activations (" + ALL_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final int MAX_CAUSE = 512;
    private static final int MAX_ERROR_TYPE = 256;

    private ActivationRows() {
    }

    static void bind(PreparedStatement insert, Activation activation) throws SQLException {
        insert.setString(1, activation.activationId());
        insert.setString(2, activation.functionName());
        insert.setString(3, activation.version() == null ? Activation.LATEST : activation.version());
        insert.setString(4, activation.trigger());
        insert.setString(5, truncate(activation.cause(), MAX_CAUSE));
        insert.setTimestamp(6, Timestamp.from(activation.start()));
        insert.setTimestamp(7, Timestamp.from(activation.end()));
        insert.setLong(8, activation.durationMs());
        setNullableLong(insert, 9, activation.initDurationMs());
        insert.setLong(10, activation.waitTimeMs());
        insert.setString(11, activation.status());
        insert.setString(12, truncate(activation.errorType(), MAX_ERROR_TYPE));
        insert.setString(13, activation.errorMessage());
        insert.setString(14, activation.kind());
        if (activation.memoryLimitMb() == null) {
            insert.setNull(15, Types.INTEGER);
        } else {
            insert.setInt(15, activation.memoryLimitMb());
        }
        insert.setString(16, Activations.capHead(activation.result()));
        insert.setString(17, Activations.capTail(activation.logs() == null ? "" : activation.logs()));
    }

    /** @param withText whether the row holds {@code result} and {@code logs} ({@link #ALL_COLUMNS}) */
    static Activation read(ResultSet row, boolean withText) throws SQLException {
        long initDuration = row.getLong("init_duration_ms");
        Long init = row.wasNull() ? null : initDuration;
        int memory = row.getInt("memory_limit_mb");
        Integer memoryLimit = row.wasNull() ? null : memory;
        return new Activation(row.getString("activation_id"), row.getString("function_name"),
                row.getString("version"), row.getString("trigger_source"), row.getString("cause"),
                row.getTimestamp("started_at").toInstant(), row.getTimestamp("ended_at").toInstant(),
                row.getLong("duration_ms"), init, row.getLong("wait_time_ms"), row.getString("status"),
                row.getString("error_type"), row.getString("error_message"),
                withText ? row.getString("result") : null, withText ? row.getString("logs") : null,
                row.getString("kind"), memoryLimit);
    }

    private static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
