package com.flightwatch.platform.gateway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Quota counts in the platform database (table {@code platform_usage_quotas}, migration V5). */
public final class JdbcQuotaStore implements QuotaStore {

    private final DataSource dataSource;

    public JdbcQuotaStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public long used(QuotaUsageKey key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT used FROM platform_usage_quotas"
                     + " WHERE stack_name = ? AND plan_id = ? AND key_id = ? AND period_start = ?")) {
            bind(select, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new QuotaStoreException("Cannot read the quota count of key " + key.keyId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void add(Map<QuotaUsageKey, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("INSERT INTO platform_usage_quotas"
                     + " (stack_name, plan_id, key_id, period_start, used) VALUES (?, ?, ?, ?, ?)"
                     + " ON DUPLICATE KEY UPDATE used = used + VALUES(used), updated_at = CURRENT_TIMESTAMP(3)")) {
            for (Map.Entry<QuotaUsageKey, Long> count : counts.entrySet()) {
                bind(upsert, count.getKey());
                upsert.setLong(5, count.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new QuotaStoreException("Cannot store quota counts: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Instant> firstPeriod(String stackName, String planId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT MIN(period_start) FROM platform_usage_quotas"
                     + " WHERE stack_name = ? AND plan_id = ?")) {
            select.setString(1, stackName);
            select.setString(2, planId);
            try (ResultSet row = select.executeQuery()) {
                LocalDateTime first = row.next() ? row.getObject(1, LocalDateTime.class) : null;
                return Optional.ofNullable(first).map(start -> start.toInstant(ZoneOffset.UTC));
            }
        } catch (SQLException e) {
            throw new QuotaStoreException("Cannot read the first quota period of usage plan " + planId + ": "
                    + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, QuotaUsageKey key) throws SQLException {
        statement.setString(1, key.stackName());
        statement.setString(2, key.planId());
        statement.setString(3, key.keyId());
        statement.setObject(4, LocalDateTime.ofInstant(key.periodStart(), ZoneOffset.UTC));
    }
}
