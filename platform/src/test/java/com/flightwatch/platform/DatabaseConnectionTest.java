package com.flightwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseConnectionTest {

    @Test
    void withDatabase_serverUrlWithoutPath_appendsDatabaseAndOptions() {
        assertThat(DatabaseConnection.withDatabase("jdbc:mysql://db.local:3306/", "platform"))
                .isEqualTo("jdbc:mysql://db.local:3306/platform?createDatabaseIfNotExist=true&rewriteBatchedStatements=true");
    }

    @Test
    void withDatabase_urlWithDatabaseAndOptions_replacesDatabaseKeepsOptions() {
        assertThat(DatabaseConnection.withDatabase("jdbc:mysql://127.0.0.1:3307/other?sslMode=DISABLED", "flightwatch"))
                .isEqualTo("jdbc:mysql://127.0.0.1:3307/flightwatch?sslMode=DISABLED"
                        + "&createDatabaseIfNotExist=true&rewriteBatchedStatements=true");
    }

    @Test
    void withDatabase_notAJdbcUrl_failsNamingTheOption() {
        assertThatThrownBy(() -> DatabaseConnection.withDatabase("mysql://host", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--db-url");
    }

    @Test
    void databaseNameFor_stackName_isLowercaseWithUnderscores() {
        assertThat(DatabaseConnection.databaseNameFor("Flightwatch-Dev")).isEqualTo("flightwatch_dev");
    }
}
