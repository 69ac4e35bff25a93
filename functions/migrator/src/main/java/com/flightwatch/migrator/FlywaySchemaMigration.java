package com.flightwatch.migrator;

import com.flightwatch.common.config.Config;
import com.flightwatch.common.db.Database;
import com.zaxxer.hikari.HikariDataSource;
import java.util.function.Function;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs common's Flyway migrations against the database the environment names (the RDS secret on
 * AWS). The configuration is read on each run, not at cold start, so a missing or unreadable
 * secret becomes a FAILED answer instead of a function that cannot start.
 */
public final class FlywaySchemaMigration implements SchemaMigration {

    private final Function<String, String> env;

    public FlywaySchemaMigration(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public String migrate() {
        // The pool itself must not migrate as well: this class does it once, explicitly.
        Config config = Config.load(key -> "DB_MIGRATE".equals(key) ? "false" : env.apply(key));
        try (HikariDataSource dataSource = Database.dataSource(config)) {
            MigrateResult result = Database.migrate(dataSource);
            return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        }
    }
}
