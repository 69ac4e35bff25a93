package com.flightwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.flightwatch.migrator.CustomResourceResponse;
import com.flightwatch.migrator.FlywaySchemaMigration;
import com.flightwatch.migrator.MigrationResource;
import com.flightwatch.migrator.MigratorHandler;
import com.flightwatch.platform.PlatformSettings;
import com.flightwatch.platform.store.EmbeddedMariaDb;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema's custom resource handler, wired as on Lambda (Flyway migration, pre-signed URL sender)
 * but with its environment given, against a real MariaDB. Each test gets a database of its own, so
 * "empty schema" means empty. The events carry no ResponseURL: the handler then only returns its
 * answer, as when the platform invokes it at start.
 */
class MigratorHandlerIT {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedMariaDb mariaDb;

    @BeforeAll
    static void startDatabase() {
        Path dataDir = Path.of("target", "migrator-it-db").toAbsolutePath();
        TestDirectories.deleteRecursively(dataDir);
        mariaDb = EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(PlatformSettings.defaultBinaryDir(), dataDir, 0));
    }

    @AfterAll
    static void stopDatabase() {
        if (mariaDb != null) {
            mariaDb.close();
        }
    }

    @Test
    void create_onEmptySchema_createsTablesAndFlywayHistory() throws SQLException {
        String url = newDatabaseUrl();

        CustomResourceResponse answer = handler(url).handleRequest(event("Create"), null);

        assertThat(answer.status()).as(answer.reason()).isEqualTo(CustomResourceResponse.SUCCESS);
        assertThat(answer.physicalResourceId()).isEqualTo("flightwatch-schema");
        assertThat(answer.data()).containsEntry("SchemaVersion", latestVersion(url));
        assertThat(tables(url)).contains("flights", "passengers", "notifications", "alerts", "sms_deliveries",
                "flyway_schema_history");
        assertThat(successfulMigrations(url)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void createOrUpdate_onMigratedSchema_succeedsAndAppliesNothing() throws SQLException {
        String url = newDatabaseUrl();
        MigratorHandler handler = handler(url);
        CustomResourceResponse first = handler.handleRequest(event("Create"), null);
        int applied = historyRows(url);

        CustomResourceResponse again = handler.handleRequest(event("Create"), null);
        CustomResourceResponse update = handler.handleRequest(event("Update"), null);

        assertThat(List.of(again, update)).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.reason()).isEqualTo(CustomResourceResponse.SUCCESS);
            assertThat(answer.data()).isEqualTo(first.data());
        });
        assertThat(historyRows(url)).isEqualTo(applied);
    }

    @Test
    void delete_leavesSchemaAndDataAlone() throws SQLException {
        String url = newDatabaseUrl();
        handler(url).handleRequest(event("Create"), null);
        execute(url, "INSERT INTO flights (flight_id, flight_number, departure_date, origin, destination,"
                + " scheduled_departure, created_at) VALUES ('f-1', 'UA1', '2026-12-24', 'JFK', 'SFO',"
                + " '2026-12-24 08:30:00.000', '2026-11-24 08:00:00.000')");
        List<String> tablesBefore = tables(url);

        CustomResourceResponse answer = handler(url).handleRequest(event("Delete"), null);

        assertThat(answer.status()).isEqualTo(CustomResourceResponse.SUCCESS);
        assertThat(tables(url)).isEqualTo(tablesBefore);
        assertThat(count(url, "SELECT COUNT(*) FROM flights")).isEqualTo(1);
    }

    @Test
    void delete_withUnreachableDatabase_succeedsWithoutConnecting() throws IOException {
        CustomResourceResponse answer = handler(unreachableDatabaseUrl()).handleRequest(event("Delete"), null);

        assertThat(answer.status()).as(answer.reason()).isEqualTo(CustomResourceResponse.SUCCESS);
    }

    @Test
    void create_withUnreachableDatabase_answersFailedNamingTheConnectionProblem() throws IOException {
        CustomResourceResponse answer = handler(unreachableDatabaseUrl()).handleRequest(event("Create"), null);

        assertThat(answer.status()).isEqualTo(CustomResourceResponse.FAILED);
        assertThat(answer.reason()).startsWith("Migration failed: ").contains("Communications link failure");
        assertNoStackTrace(answer.reason());
    }

    @Test
    void create_withNonMySqlDatabaseUrl_answersFailedNamingDbUrl() {
        CustomResourceResponse answer = handler("jdbc:postgresql://127.0.0.1:5432/flightwatch")
                .handleRequest(event("Create"), null);

        assertThat(answer.status()).isEqualTo(CustomResourceResponse.FAILED);
        assertThat(answer.reason()).contains("DB_URL").contains("jdbc:mysql:");
        assertNoStackTrace(answer.reason());
    }

    /** The handler as its no-arg constructor builds it, with this environment instead of the process's. */
    private static MigratorHandler handler(String dbUrl) {
        Map<String, String> environment = Map.of("DB_URL", dbUrl, "DB_USER", EmbeddedMariaDb.USER,
                "DB_PASSWORD", EmbeddedMariaDb.PASSWORD, "DB_POOL_SIZE", "1");
        return new MigratorHandler(new MigrationResource(new FlywaySchemaMigration(environment::get)),
                (responseUrl, response) -> {
                    throw new AssertionError("No ResponseURL was given, yet the handler sent its answer to " + responseUrl);
                });
    }

    private static CloudFormationCustomResourceEvent event(String requestType) {
        CloudFormationCustomResourceEvent event = new CloudFormationCustomResourceEvent();
        event.setRequestType(requestType);
        event.setServiceToken("arn:aws:lambda:us-east-1:000000000000:function:FunctionsMigratorFunction44944A77");
        event.setStackId("arn:aws:cloudformation:us-east-1:000000000000:stack/Flightwatch/" + UUID.randomUUID());
        event.setRequestId(UUID.randomUUID().toString());
        event.setLogicalResourceId("SchemaMigrations");
        event.setResourceType("Custom::SchemaMigrations");
        if (!"Create".equals(requestType)) {
            event.setPhysicalResourceId("flightwatch-schema");
        }
        event.setResourceProperties(Map.of("MigrationsHash", "71b6dbe2"));
        return event;
    }

    private static String newDatabaseUrl() {
        return mariaDb.jdbcUrl("migrator_it_" + DATABASES.incrementAndGet());
    }

    /** A MySQL URL on a loopback port nothing listens on: the port is free once the probe socket closes. */
    private static String unreachableDatabaseUrl() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return "jdbc:mysql://127.0.0.1:" + probe.getLocalPort() + "/flightwatch?sslMode=DISABLED&connectTimeout=2000";
        }
    }

    /** The driver's own message may span lines; a stack frame ("at pkg.Class.method(File.java:12)") must not appear. */
    private static void assertNoStackTrace(String reason) {
        assertThat(reason).doesNotContainPattern("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)")
                .doesNotContain("Exception in thread");
        assertThat(reason.length()).isLessThanOrEqualTo(1000);
    }

    private static String latestVersion(String url) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1"
                     + " AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static int successfulMigrations(String url) throws SQLException {
        return count(url, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL");
    }

    private static int historyRows(String url) throws SQLException {
        return count(url, "SELECT COUNT(*) FROM flyway_schema_history");
    }

    private static List<String> tables(String url) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = connect(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = DATABASE() ORDER BY table_name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static int count(String url, String sql) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD);
    }
}
