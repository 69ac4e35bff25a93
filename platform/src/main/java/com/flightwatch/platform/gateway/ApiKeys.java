package com.flightwatch.platform.gateway;

import com.flightwatch.platform.stack.ApiKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API keys of the stacks the platform runs, in the platform database (table
 * {@code platform_api_keys}, migrations V4, V6), found by the SHA-256 of their value. A
 * template's {@code Value} is used as given (only its hash is stored); a key without one gets a
 * random value the first time, kept across restarts so the banner can show it again.
 */
public final class ApiKeys implements ApiKeyLookup {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);
    static final String COLUMNS = "stack_name, logical_id, name, key_value, enabled, usage_plan_id";

    private final DataSource dataSource;

    public ApiKeys(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores the stack's keys (creating values where the template has none) and returns them with their values,
     * in the order given, e.g. for the CLI to print.
     *
     * @throws ApiKeyStoreException when the database fails, or a template value already belongs to another key
     */
    public List<ResolvedApiKey> ensure(String stackName, List<ApiKeySpec> keys) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<ResolvedApiKey> resolved = new ArrayList<>();
                for (ApiKeySpec key : keys) {
                    ResolvedApiKey stored;
                    if (key.value() != null) {
                        storeGivenValue(connection, stackName, key);
                        stored = find(connection, stackName, key.logicalId()).withValue(key.value());
                    } else {
                        storeGeneratedValue(connection, stackName, key);
                        stored = find(connection, stackName, key.logicalId());
                    }
                    resolved.add(stored);
                }
                connection.commit();
                return resolved;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new ApiKeyStoreException("Cannot store the API keys of stack " + stackName + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ResolvedApiKey> findByValue(String value) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + COLUMNS + " FROM platform_api_keys WHERE key_hash = ?")) {
            select.setString(1, ApiKeyHashes.sha256(value));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(key(row).withValue(value)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new ApiKeyStoreException("Cannot look up an API key: " + e.getMessage(), e);
        }
    }

    private void storeGivenValue(Connection connection, String stackName, ApiKeySpec key) throws SQLException {
        String hash = ApiKeyHashes.sha256(key.value());
        try (PreparedStatement owner = connection.prepareStatement(
                "SELECT stack_name, logical_id FROM platform_api_keys WHERE key_hash = ?")) {
            owner.setString(1, hash);
            try (ResultSet row = owner.executeQuery()) {
                if (row.next() && !(row.getString(1).equals(stackName) && row.getString(2).equals(key.logicalId()))) {
                    throw new ApiKeyStoreException("The value of API key " + stackName + "/" + key.logicalId()
                            + " is already the value of " + row.getString(1) + "/" + row.getString(2));
                }
            }
        }
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO platform_api_keys (stack_name, logical_id, name, key_value, enabled, key_hash, generated)"
                        + " VALUES (?, ?, ?, NULL, ?, ?, FALSE)"
                        + " ON DUPLICATE KEY UPDATE name = VALUES(name), key_value = NULL, key_hash = VALUES(key_hash),"
                        + " enabled = VALUES(enabled), generated = FALSE, updated_at = CURRENT_TIMESTAMP(3)")) {
            upsert.setString(1, stackName);
            upsert.setString(2, key.logicalId());
            upsert.setString(3, key.name());
            upsert.setBoolean(4, key.enabled());
            upsert.setString(5, hash);
            upsert.executeUpdate();
        }
    }

    private void storeGeneratedValue(Connection connection, String stackName, ApiKeySpec key) throws SQLException {
        String value = ApiKeyValues.generate();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT IGNORE INTO platform_api_keys (stack_name, logical_id, name, key_value, enabled, key_hash, generated)"
                        + " VALUES (?, ?, ?, ?, ?, ?, TRUE)")) {
            insert.setString(1, stackName);
            insert.setString(2, key.logicalId());
            insert.setString(3, key.name());
            insert.setString(4, value);
            insert.setBoolean(5, key.enabled());
            insert.setString(6, ApiKeyHashes.sha256(value));
            if (insert.executeUpdate() == 1) {
                LOG.info("Generated a value for API key {}/{}", stackName, key.logicalId());
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE platform_api_keys SET name = ?, enabled = ?,"
                + " updated_at = CURRENT_TIMESTAMP(3) WHERE stack_name = ? AND logical_id = ?")) {
            update.setString(1, key.name());
            update.setBoolean(2, key.enabled());
            update.setString(3, stackName);
            update.setString(4, key.logicalId());
            update.executeUpdate();
        }
    }

    private static ResolvedApiKey find(Connection connection, String stackName, String logicalId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM platform_api_keys WHERE stack_name = ? AND logical_id = ?")) {
            select.setString(1, stackName);
            select.setString(2, logicalId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new ApiKeyStoreException("API key " + stackName + "/" + logicalId + " vanished while being stored");
                }
                return key(row);
            }
        }
    }

    /** A row of {@link #COLUMNS}. */
    static ResolvedApiKey key(ResultSet row) throws SQLException {
        return new ResolvedApiKey(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getBoolean(5),
                row.getString(6));
    }
}
