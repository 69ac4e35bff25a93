package com.flightwatch.platform.gateway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What {@code flightwatch keys} does to the keys of a running stack: list them, make a local key in
 * one of the stack's usage plans, disable a key. A template key disabled here is enabled again by the
 * next start when the template says so: the template is the source of truth for its own keys.
 */
public final class ApiKeyAdmin {

    private final DataSource dataSource;

    public ApiKeyAdmin(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stack's keys, by logical id; values only for keys the platform generated for the template. */
    public List<ResolvedApiKey> list(String stackName) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + ApiKeys.COLUMNS
                     + " FROM platform_api_keys WHERE stack_name = ? ORDER BY logical_id")) {
            select.setString(1, stackName);
            List<ResolvedApiKey> keys = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    keys.add(ApiKeys.key(row));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new ApiKeyStoreException("Cannot list the API keys of stack " + stackName + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes a key named {@code name} in the usage plan {@code usagePlanId}; only its hash is stored.
     *
     * @return the key with its value: the only time the value is shown
     * @throws ApiKeyConflictException when the stack already has a key of that name
     */
    public ResolvedApiKey create(String stackName, String name, String usagePlanId) {
        String value = ApiKeyValues.generate();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO platform_api_keys (stack_name,"
                     + " logical_id, name, key_value, enabled, key_hash, generated, usage_plan_id, created_by)"
                     + " VALUES (?, ?, ?, NULL, TRUE, ?, TRUE, ?, 'cli')")) {
            insert.setString(1, stackName);
            insert.setString(2, name);
            insert.setString(3, name);
            insert.setString(4, ApiKeyHashes.sha256(value));
            insert.setString(5, usagePlanId);
            insert.executeUpdate();
            return new ResolvedApiKey(stackName, name, name, value, true, usagePlanId);
        } catch (SQLIntegrityConstraintViolationException e) {
            throw new ApiKeyConflictException("Stack " + stackName + " already has an API key named " + name);
        } catch (SQLException e) {
            throw new ApiKeyStoreException("Cannot create API key " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Disables a key; the gateway refuses it once its key cache forgets it (seconds).
     *
     * @throws ApiKeyNotFoundException when the stack has no key with that logical id
     */
    public void disable(String stackName, String logicalId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE platform_api_keys SET enabled = FALSE,"
                     + " updated_at = CURRENT_TIMESTAMP(3) WHERE stack_name = ? AND logical_id = ?")) {
            update.setString(1, stackName);
            update.setString(2, logicalId);
            if (update.executeUpdate() == 0) {
                throw new ApiKeyNotFoundException("Stack " + stackName + " has no API key " + logicalId);
            }
        } catch (SQLException e) {
            throw new ApiKeyStoreException("Cannot disable API key " + logicalId + ": " + e.getMessage(), e);
        }
    }
}
