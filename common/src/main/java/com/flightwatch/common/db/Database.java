package com.flightwatch.common.db;

import com.flightwatch.common.config.Config;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the connection pool of a function and, when {@code DB_MIGRATE} is true, brings the schema
 * up with Flyway once per JVM, so a cold start against an empty database just works. On AWS a
 * migrator runs instead and the functions set {@code DB_MIGRATE=false}.
 */
public final class Database {

    public static final String MIGRATIONS = "classpath:db/migration";
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final Set<String> MIGRATED_URLS = ConcurrentHashMap.newKeySet();

    private Database() {
    }

    public static HikariDataSource dataSource(Config config) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("flightwatch");
        // Named explicitly: DriverManager's discovery misses drivers in child class loaders.
        pool.setDriverClassName("com.mysql.cj.jdbc.Driver");
        pool.setJdbcUrl(withBatchRewrite(config.dbUrl()));
        pool.setUsername(config.dbUser());
        pool.setPassword(config.dbPassword());
        pool.setMaximumPoolSize(config.dbPoolSize());
        pool.setMinimumIdle(Math.min(1, config.dbPoolSize()));
        pool.setConnectionTimeout(10_000);
        HikariDataSource dataSource = new HikariDataSource(pool);
        if (config.dbMigrate()) {
            migrateOnce(dataSource, config.dbUrl());
        }
        return dataSource;
    }

    /** Applies pending migrations; safe to call from several processes (Flyway takes a lock). */
    public static MigrateResult migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .load()
                .migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info("Schema at version {} ({} migrations applied now)", version, result.migrationsExecuted);
        return result;
    }

    /**
     * Batched inserts are sent as one multi-row statement only with {@code rewriteBatchedStatements};
     * without it, 500 alerts cost 500 round trips.
     */
    public static String withBatchRewrite(String jdbcUrl) {
        if (jdbcUrl.toLowerCase(Locale.ROOT).contains("rewritebatchedstatements=")) {
            return jdbcUrl;
        }
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true";
    }

    private static void migrateOnce(DataSource dataSource, String url) {
        synchronized (MIGRATED_URLS) {
            if (MIGRATED_URLS.contains(url)) {
                return;
            }
            migrate(dataSource);
            MIGRATED_URLS.add(url);
        }
    }
}
