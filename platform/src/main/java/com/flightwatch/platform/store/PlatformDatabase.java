package com.flightwatch.platform.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's own database ({@code platform}): a connection pool, with the schema migrated by
 * Flyway from {@code classpath:db/platform} before the pool is handed out.
 */
public final class PlatformDatabase {

    public static final String DATABASE_NAME = "platform";
    public static final String MIGRATIONS = "classpath:db/platform";

    private static final Logger LOG = LoggerFactory.getLogger(PlatformDatabase.class);
    private static final int POOL_SIZE = 16;

    private PlatformDatabase() {
    }

    /**
     * Opens a pool on {@code jdbcUrl} (which names the platform database) and migrates it.
     *
     * @throws StoreException when the database cannot be reached or a migration fails
     */
    public static HikariDataSource open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("platform-db");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(2);
        // Queue-style claims (FOR UPDATE SKIP LOCKED) lock only the rows they return, not gaps between them.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // Fail fast with the reason instead of letting every caller time out one after another.
        config.setInitializationFailTimeout(3_000);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("Cannot connect to the platform database at " + withoutQuery(jdbcUrl)
                    + ": is the server running, and are the user and password right?", e);
        }
        try {
            long started = System.nanoTime();
            int applied = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .load()
                    .migrate()
                    .migrationsExecuted;
            LOG.info("Platform database ready ({} migration(s) applied in {} ms)", applied, (System.nanoTime() - started) / 1_000_000);
            return dataSource;
        } catch (FlywayException e) {
            dataSource.close();
            throw new StoreException("Migrating the platform database failed: " + e.getMessage(), e);
        }
    }

    private static String withoutQuery(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
