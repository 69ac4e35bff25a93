package com.flightwatch.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformDatabaseIT {

    @Test
    void open_onNewServer_createsDatabaseAndMigratesIt_andReopensWithoutChanges() throws Exception {
        try (EmbeddedMariaDb db = TestMariaDb.startFresh("platform-database")) {
            String url = db.jdbcUrl(PlatformDatabase.DATABASE_NAME);
            try (HikariDataSource dataSource = PlatformDatabase.open(url, EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD)) {
                assertThat(tables(dataSource)).contains("sns_topics", "sns_subscriptions", "sns_messages", "sns_deliveries",
                        "sns_dead_letters", "sms_outbox", "flyway_schema_history");
            }
            try (HikariDataSource reopened = PlatformDatabase.open(url, EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD)) {
                assertThat(tables(reopened)).contains("sns_topics");
            }
        }
    }

    @Test
    void open_whenNoServerListens_failsWithStoreExceptionNamingTheUrl() {
        assertThatThrownBy(() -> PlatformDatabase.open("jdbc:mysql://127.0.0.1:1/platform?connectTimeout=500", "root", ""))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:mysql://127.0.0.1:1/platform")
                .hasMessageNotContaining("connectTimeout");
    }

    private static List<String> tables(HikariDataSource dataSource) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.getMetaData().getTables(connection.getCatalog(), null, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables;
    }
}
