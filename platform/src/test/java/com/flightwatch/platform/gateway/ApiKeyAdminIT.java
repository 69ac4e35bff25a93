package com.flightwatch.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.platform.stack.ApiKeySpec;
import com.flightwatch.platform.store.EmbeddedMariaDb;
import com.flightwatch.platform.store.PlatformDatabase;
import com.flightwatch.platform.store.TestMariaDb;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keys made, listed and disabled by {@code flightwatch keys}, stored hashed in a real embedded MariaDB. */
class ApiKeyAdminIT {

    private static EmbeddedMariaDb db;
    private static HikariDataSource data;

    @BeforeAll
    static void start() {
        db = TestMariaDb.startFresh("api-key-admin");
        data = PlatformDatabase.open(db.jdbcUrl(PlatformDatabase.DATABASE_NAME), EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD);
    }

    @AfterAll
    static void stop() {
        data.close();
        db.close();
    }

    @Test
    void create_newKey_isFoundByItsValueButStoresOnlyItsHash() throws SQLException {
        ResolvedApiKey created = new ApiKeyAdmin(data).create("Admin", "ops", "Plan");

        assertThat(created.value()).matches("[A-Za-z0-9]{40}");
        assertThat(new ApiKeys(data).findByValue(created.value())).contains(created);
        assertThat(storedValuesAndHashes("Admin")).containsExactly("null " + ApiKeyHashes.sha256(created.value()));
    }

    @Test
    void create_nameTaken_failsWithAConflict() {
        ApiKeyAdmin admin = new ApiKeyAdmin(data);
        admin.create("Taken", "ops", "Plan");

        assertThatThrownBy(() -> admin.create("Taken", "ops", "Plan")).isInstanceOf(ApiKeyConflictException.class)
                .hasMessageContaining("already has an API key named ops");
    }

    @Test
    void ensure_templateValue_storesItsHashNotTheValue() throws SQLException {
        String value = "template-value-0123456789abcdefghijklmn";
        new ApiKeys(data).ensure("Hashed", List.of(new ApiKeySpec("GivenKey", "given", value, true)));

        assertThat(storedValuesAndHashes("Hashed")).containsExactly("null " + ApiKeyHashes.sha256(value));
        assertThat(new ApiKeys(data).findByValue(value).map(ResolvedApiKey::logicalId)).contains("GivenKey");
    }

    @Test
    void disable_thenList_showsTheKeyDisabledAndLookupsSeeIt() {
        ApiKeyAdmin admin = new ApiKeyAdmin(data);
        ResolvedApiKey created = admin.create("Listed", "ops", "Plan");
        new ApiKeys(data).ensure("Listed", List.of(new ApiKeySpec("GeneratedKey", "generated", null, true)));

        admin.disable("Listed", "ops");

        List<ResolvedApiKey> keys = admin.list("Listed");
        assertThat(keys).extracting(ResolvedApiKey::logicalId).containsExactly("GeneratedKey", "ops");
        assertThat(keys.get(0).value()).as("a generated template key's value stays showable").isNotNull();
        assertThat(keys.get(1).value()).isNull();
        assertThat(keys.get(1).enabled()).isFalse();
        assertThat(new ApiKeys(data).findByValue(created.value()).map(ResolvedApiKey::enabled)).contains(false);
        assertThatThrownBy(() -> admin.disable("Listed", "nope")).isInstanceOf(ApiKeyNotFoundException.class);
    }

    private static List<String> storedValuesAndHashes(String stackName) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = data.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT key_value, key_hash FROM platform_api_keys WHERE stack_name = '"
                     + stackName + "'")) {
            while (row.next()) {
                rows.add(row.getString(1) + " " + row.getString(2));
            }
        }
        return rows;
    }
}
