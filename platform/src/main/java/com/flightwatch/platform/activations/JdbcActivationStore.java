package com.flightwatch.platform.activations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Activation records in the platform database's {@code platform_activations} table (migrations V7, V8). */
public final class JdbcActivationStore implements ActivationStore {

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
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(ActivationRows.INSERT)) {
            for (Activation activation : activations) {
                ActivationRows.bind(insert, activation);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new ActivationStoreException("Recording " + activations.size() + " activation(s) failed", e);
        }
    }

    @Override
    public Optional<Activation> find(String activationId) {
        String sql = "SELECT " + ActivationRows.ALL_COLUMNS + " FROM platform_activations WHERE activation_id = ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, activationId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(ActivationRows.read(rows, true)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new ActivationStoreException("Reading activation " + activationId + " failed", e);
        }
    }

    @Override
    public List<Activation> list(ActivationQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + ActivationRows.SUMMARY_COLUMNS
                + " FROM platform_activations WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.functionName() != null) {
            sql.append(" AND function_name = ?");
            parameters.add(query.functionName());
        }
        if (query.status() != null) {
            sql.append(" AND status = ?");
            parameters.add(query.status());
        }
        if (query.since() != null) {
            sql.append(" AND ended_at >= ?");
            parameters.add(Timestamp.from(query.since()));
        }
        if (query.upto() != null) {
            sql.append(" AND ended_at <= ?");
            parameters.add(Timestamp.from(query.upto()));
        }
        sql.append(" ORDER BY ended_at DESC, activation_id DESC LIMIT ").append(query.limit())
                .append(" OFFSET ").append(query.skip());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            List<Activation> activations = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    activations.add(ActivationRows.read(rows, false));
                }
            }
            return activations;
        } catch (SQLException e) {
            throw new ActivationStoreException("Listing activations failed", e);
        }
    }

    @Override
    public int deleteStartedBefore(Instant cutoff, int maxRows) {
        String sql = "DELETE FROM platform_activations WHERE started_at < ? LIMIT " + maxRows;
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new ActivationStoreException("Deleting activations that started before " + cutoff + " failed", e);
        }
    }

    @Override
    public int deleteOldestBeyond(int keep, int maxRows) {
        try (Connection connection = dataSource.getConnection()) {
            long excess;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM platform_activations");
                 ResultSet rows = count.executeQuery()) {
                rows.next();
                excess = rows.getLong(1) - keep;
            }
            if (excess <= 0) {
                return 0;
            }
            // Single-table DELETE with ORDER BY and LIMIT: MariaDB and MySQL 8 both take it, and it walks the
            // started_at index instead of sorting the table.
            String sql = "DELETE FROM platform_activations ORDER BY started_at, activation_id LIMIT " + Math.min(excess, maxRows);
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                return delete.executeUpdate();
            }
        } catch (SQLException e) {
            throw new ActivationStoreException("Deleting the activations beyond the newest " + keep + " failed", e);
        }
    }
}
