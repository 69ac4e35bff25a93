package com.flightwatch.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EmbeddedMariaDbIT {

    @Test
    void start_afterStop_keepsCommittedRows() throws Exception {
        Path dataDir = TestMariaDb.freshDataDir("restart");
        EmbeddedMariaDb.Settings settings = new EmbeddedMariaDb.Settings(TestMariaDb.baseDir(), dataDir, 0);

        long firstStart = System.nanoTime();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(settings)) {
            report("first start (install included)", firstStart);
            execute(db, "CREATE TABLE notes (id INT PRIMARY KEY, text VARCHAR(100) CHARACTER SET utf8mb4)");
            execute(db, "INSERT INTO notes VALUES (1, 'survives a restart ✈')");
        }

        long restart = System.nanoTime();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(settings)) {
            report("restart", restart);
            long firstQuery = System.nanoTime();
            assertThat(notes(db, "restart")).containsExactly("survives a restart ✈");
            report("first connection and query after restart", firstQuery);
        }
        assertThat(OrphanedServers.runningOn(dataDir)).isEmpty();
    }

    @Test
    void start_whenJvmThatStartedServerWasKilled_startsWithRowsIntact() throws Exception {
        Path dataDir = TestMariaDb.freshDataDir("jvm-killed");
        Process child = startChild(dataDir, "written before kill -9");

        child.destroyForcibly().waitFor();

        long started = System.nanoTime();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(TestMariaDb.baseDir(), dataDir, 0))) {
            long millis = report("start after the JVM was killed", started);
            assertThat(millis).isLessThan(15_000);
            assertThat(notes(db, "crash")).containsExactly("written before kill -9");
        }
    }

    @Test
    void start_whenServerIsOrphanedOnDataDir_stopsOrphanAndStartsWithRowsIntact() throws Exception {
        Path dataDir = TestMariaDb.freshDataDir("orphaned");
        Process child = startChild(dataDir, "written before the orphaning");
        List<ProcessHandle> wrappers = child.toHandle().children().toList();
        List<ProcessHandle> servers = OrphanedServers.runningOn(dataDir);
        assertThat(servers).hasSize(1);

        // Kill the JVM and the wrapper at once, as `kill -9` of the process group would: the server is orphaned.
        child.destroyForcibly();
        wrappers.forEach(ProcessHandle::destroyForcibly);
        child.waitFor();
        assertThat(servers.get(0).isAlive()).isTrue();

        long started = System.nanoTime();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(TestMariaDb.baseDir(), dataDir, 0))) {
            long millis = report("start over an orphaned server", started);
            assertThat(millis).isLessThan(20_000);
            assertThat(servers.get(0).isAlive()).isFalse();
            assertThat(notes(db, "crash")).containsExactly("written before the orphaning");
        }
    }

    @Test
    void start_whenDataDirIsUsedByALiveServer_refusesAndLeavesThatServerRunning() throws Exception {
        EmbeddedMariaDb.Settings settings = new EmbeddedMariaDb.Settings(TestMariaDb.baseDir(), TestMariaDb.freshDataDir("in-use"), 0);
        try (EmbeddedMariaDb owner = EmbeddedMariaDb.start(settings)) {
            execute(owner, "CREATE DATABASE IF NOT EXISTS restart");

            assertThatThrownBy(() -> EmbeddedMariaDb.start(settings))
                    .isInstanceOf(EmbeddedDatabaseException.class)
                    .hasMessageContaining("is in use by the server of process " + ProcessHandle.current().pid());

            execute(owner, "SELECT 1");
        }
    }

    @Test
    void jdbcUrl_namesLoopbackPortAndDatabaseWithoutSsl() {
        Path dataDir = TestMariaDb.freshDataDir("url");
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(TestMariaDb.baseDir(), dataDir, 0))) {
            assertThat(db.jdbcUrl("platform")).startsWith("jdbc:mysql://127.0.0.1:" + db.port() + "/platform?")
                    .contains("sslMode=DISABLED", "createDatabaseIfNotExist=true", "rewriteBatchedStatements=true");
        }
    }

    private static Process startChild(Path dataDir, String note) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                MariaDbChildProcess.class.getName(), TestMariaDb.baseDir().toString(), dataDir.toString(), note)
                .redirectErrorStream(true)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(MariaDbChildProcess.READY_LINE)) {
                return child;
            }
            lines.add(line);
        }
        child.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("The child JVM ended before its server was ready:\n" + String.join("\n", lines));
    }

    private static void execute(EmbeddedMariaDb db, String sql) throws SQLException {
        try (Connection connection = connect(db, "restart"); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> notes(EmbeddedMariaDb db, String database) throws SQLException {
        try (Connection connection = connect(db, database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT text FROM notes ORDER BY id")) {
            List<String> notes = new ArrayList<>();
            while (rows.next()) {
                notes.add(rows.getString(1));
            }
            return notes;
        }
    }

    private static Connection connect(EmbeddedMariaDb db, String database) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(database), EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD);
    }

    private static long report(String what, long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        System.out.println("[timing] embedded MariaDB " + what + ": " + millis + " ms");
        return millis;
    }
}
