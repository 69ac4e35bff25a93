package com.flightwatch.platform;

import com.flightwatch.platform.store.EmbeddedMariaDb;
import com.flightwatch.platform.store.PlatformDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;

/**
 * The one database server the platform and its functions share: the embedded MariaDB, or a MySQL or
 * MariaDB server given by URL. The platform keeps its own tables in database {@code platform}; each
 * stack's functions get a database named after the stack, the local stand-in for its RDS instance.
 */
public final class DatabaseConnection implements AutoCloseable {

    private static final String EXTERNAL_URL_OPTIONS =
            "createDatabaseIfNotExist=true&rewriteBatchedStatements=true";

    private final EmbeddedMariaDb embedded;
    private final String serverUrl;
    private final String user;
    private final String password;

    private DatabaseConnection(EmbeddedMariaDb embedded, String serverUrl, String user, String password) {
        this.embedded = embedded;
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
    }

    static DatabaseConnection open(PlatformSettings settings) {
        if (settings.embeddedDatabase()) {
            EmbeddedMariaDb db = EmbeddedMariaDb.start(
                    new EmbeddedMariaDb.Settings(settings.binaryDir(), settings.dataDir().resolve("db"), settings.dbPort()));
            return new DatabaseConnection(db, null, EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD);
        }
        return new DatabaseConnection(null, settings.dbUrl(), settings.dbUser(), settings.dbPassword());
    }

    /** A migrated pool on the platform's own database. The caller closes it. */
    HikariDataSource platformDataSource() {
        return PlatformDatabase.open(jdbcUrl(PlatformDatabase.DATABASE_NAME), user, password);
    }

    /** The JDBC URL of the database that {@code stackName}'s functions use. */
    public String appJdbcUrl(String stackName) {
        return jdbcUrl(databaseNameFor(stackName));
    }

    public String jdbcUrl(String database) {
        if (embedded != null) {
            return embedded.jdbcUrl(database);
        }
        return withDatabase(serverUrl, database);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** One line for people: which server, where its data is. */
    public String describe() {
        if (embedded != null) {
            return "embedded MariaDB on 127.0.0.1:" + embedded.port() + ", data in " + embedded.settings().dataDir();
        }
        return "external server " + serverUrl.replaceAll("password=[^&]*", "password=***");
    }

    /** Stack names may hold capitals and dashes; database names had better not. */
    static String databaseNameFor(String stackName) {
        String name = stackName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    /** {@code jdbc:mysql://host:3306/anything?opts} → {@code jdbc:mysql://host:3306/<database>?opts&...}. */
    static String withDatabase(String serverUrl, String database) {
        int hostStart = serverUrl.indexOf("//");
        if (!serverUrl.startsWith("jdbc:") || hostStart < 0) {
            throw new IllegalArgumentException("--db-url must look like jdbc:mysql://host:3306/, was " + serverUrl);
        }
        int query = serverUrl.indexOf('?');
        String options = query < 0 ? "" : serverUrl.substring(query + 1);
        String withoutQuery = query < 0 ? serverUrl : serverUrl.substring(0, query);
        int pathStart = withoutQuery.indexOf('/', hostStart + 2);
        String server = pathStart < 0 ? withoutQuery : withoutQuery.substring(0, pathStart);
        return server + "/" + database + "?" + (options.isEmpty() ? "" : options + "&") + EXTERNAL_URL_OPTIONS;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
