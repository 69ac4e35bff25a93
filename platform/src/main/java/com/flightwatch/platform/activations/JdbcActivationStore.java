package com.flightwatch.platform.activations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Activation records in the platform database's {@code platform_activations} table (migration V7). */
public final class JdbcActivationStore implements ActivationStore {

    private static final String COLUMNS = "activation_id, function_name, trigger_source, started_at, ended_at,"
            + " duration_ms, init_duration_ms, status, error_type, error_message, result, logs";

    private final DataSource dataSource;

    public JdbcActivationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void record(Activation activation) {
        recordAll(List.of(activation));
    }

    /** One batched INSERT: the recorder hands over what accumulated while the last batch was written. */
    @Override
    public void recordAll(List<Activation> activations) {
        if (activations.isEmpty()) {
            return;
        }
        String sql = "INSERT IGNORE INTO platform_activations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Activation activation : activations) {
                bind(insert, activation);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new ActivationStoreException("Recording " + activations.size() + " activation(s) failed", e);
        }
    }

    private static void bind(PreparedStatement insert, Activation activation) throws SQLException {
        insert.setString(1, activation.activationId());
        insert.setString(2, activation.functionName());
        insert.setString(3, activation.trigger());
        insert.setTimestamp(4, Timestamp.from(activation.start()));
        insert.setTimestamp(5, Timestamp.from(activation.end()));
        insert.setLong(6, activation.durationMs());
        if (activation.initDurationMs() == null) {
            insert.setNull(7, Types.BIGINT);
        } else {
            insert.setLong(7, activation.initDurationMs());
        }
        insert.setString(8, activation.status());
        insert.setString(9, truncate(activation.errorType(), 256));
        insert.setString(10, activation.errorMessage());
        insert.setString(11, Activations.capHead(activation.result()));
        insert.setString(12, Activations.capTail(activation.logs() == null ? "" : activation.logs()));
    }

    @Override
    public Optional<Activation> find(String activationId) {
        String sql = "SELECT " + COLUMNS + " FROM platform_activations WHERE activation_id = ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, activationId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(activation(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new ActivationStoreException("Reading activation " + activationId + " failed", e);
        }
    }

    @Override
    public List<Activation> list(ActivationQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM platform_activations WHERE 1 = 1");
        List<String> parameters = new ArrayList<>();
        if (query.functionName() != null) {
            sql.append(" AND function_name = ?");
            parameters.add(query.functionName());
        }
        if (query.status() != null) {
            sql.append(" AND status = ?");
            parameters.add(query.status());
        }
        sql.append(" ORDER BY started_at DESC, activation_id LIMIT ").append(query.limit());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setString(i + 1, parameters.get(i));
            }
            List<Activation> activations = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    activations.add(activation(rows));
                }
            }
            return activations;
        } catch (SQLException e) {
            throw new ActivationStoreException("Listing activations failed", e);
        }
    }

    private static Activation activation(ResultSet row) throws SQLException {
        long initDuration = row.getLong("init_duration_ms");
        boolean warm = row.wasNull();
        return new Activation(row.getString("activation_id"), row.getString("function_name"),
                row.getString("trigger_source"), row.getTimestamp("started_at").toInstant(),
                row.getTimestamp("ended_at").toInstant(), row.getLong("duration_ms"),
                warm ? null : initDuration, row.getString("status"), row.getString("error_type"),
                row.getString("error_message"), row.getString("result"), row.getString("logs"));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
