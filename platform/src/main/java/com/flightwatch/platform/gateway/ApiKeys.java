package com.flightwatch.platform.gateway;

import com.flightwatch.platform.stack.ApiKeySpec;
import java.security.SecureRandom;
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
 * {@code platform_api_keys}, migration V100). A template's {@code Value} is used as given; a key
 * without one gets a random 40-character value the first time and keeps it across restarts.
 */
public final class ApiKeys implements ApiKeyLookup {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int GENERATED_LENGTH = 40;
    private static final String COLUMNS = "stack_name, logical_id, name, key_value, enabled";

    private final DataSource dataSource;
    private final SecureRandom random = new SecureRandom();

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
                    if (key.value() != null) {
                        storeGivenValue(connection, stackName, key);
                    } else {
                        storeGeneratedValue(connection, stackName, key);
                    }
                    resolved.add(find(connection, stackName, key.logicalId()));
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
                     "SELECT " + COLUMNS + " FROM platform_api_keys WHERE key_value = ?")) {
            select.setString(1, value);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(key(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new ApiKeyStoreException("Cannot look up an API key: " + e.getMessage(), e);
        }
    }

    private void storeGivenValue(Connection connection, String stackName, ApiKeySpec key) throws SQLException {
        try (PreparedStatement owner = connection.prepareStatement(
                "SELECT stack_name, logical_id FROM platform_api_keys WHERE key_value = ?")) {
            owner.setString(1, key.value());
            try (ResultSet row = owner.executeQuery()) {
                if (row.next() && !(row.getString(1).equals(stackName) && row.getString(2).equals(key.logicalId()))) {
                    throw new ApiKeyStoreException("The value of API key " + stackName + "/" + key.logicalId()
                            + " is already the value of " + row.getString(1) + "/" + row.getString(2));
                }
            }
        }
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO platform_api_keys (" + COLUMNS + ", generated) VALUES (?, ?, ?, ?, ?, FALSE)"
                        + " ON DUPLICATE KEY UPDATE name = VALUES(name), key_value = VALUES(key_value),"
                        + " enabled = VALUES(enabled), generated = FALSE, updated_at = CURRENT_TIMESTAMP(3)")) {
            bind(upsert, stackName, key, key.value());
            upsert.executeUpdate();
        }
    }

    private void storeGeneratedValue(Connection connection, String stackName, ApiKeySpec key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT IGNORE INTO platform_api_keys (" + COLUMNS + ", generated) VALUES (?, ?, ?, ?, ?, TRUE)")) {
            bind(insert, stackName, key, generateValue());
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

    private static void bind(PreparedStatement statement, String stackName, ApiKeySpec key, String value) throws SQLException {
        statement.setString(1, stackName);
        statement.setString(2, key.logicalId());
        statement.setString(3, key.name());
        statement.setString(4, value);
        statement.setBoolean(5, key.enabled());
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

    private static ResolvedApiKey key(ResultSet row) throws SQLException {
        return new ResolvedApiKey(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getBoolean(5));
    }

    private String generateValue() {
        StringBuilder value = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return value.toString();
    }
}
