package com.flightwatch.platform.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A JVM that starts an embedded MariaDB, commits one row, says so on stdout, and waits to be
 * killed: how {@link EmbeddedMariaDbIT} gets a server whose JVM died without closing it.
 * Arguments: base directory, data directory, the row's text.
 */
public final class MariaDbChildProcess {

    static final String READY_LINE = "CHILD-READY";

    private MariaDbChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(Path.of(args[0]), Path.of(args[1]), 0));
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl("crash"), EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS notes (id INT AUTO_INCREMENT PRIMARY KEY, text VARCHAR(100))");
            statement.execute("INSERT INTO notes (text) VALUES ('" + args[2] + "')");
        }
        System.out.println(READY_LINE + " " + db.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
