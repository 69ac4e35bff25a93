package com.flightwatch.common.config;

import com.flightwatch.common.aws.SecretsManagerSecrets;
import com.flightwatch.common.exceptions.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the functions read from the environment, read once and checked at start-up.
 * {@code ALERTS_TOPIC_ARN} is only checked by the function that needs it
 * ({@link #requireAlertsTopicArn()}), so the flights and sms functions run without it.
 *
 * <p>The database comes from one of two places: when {@code DB_SECRET_ARN} is set (on AWS), from
 * the RDS secret in Secrets Manager (host, port, username, password, dbname; {@code DB_NAME} when
 * the secret has no dbname); otherwise from {@code DB_URL}, {@code DB_USER} and {@code DB_PASSWORD}
 * (the local platform sets those).
 */
public final class Config {

    static final int DEFAULT_POOL_SIZE = 2;
    static final int MAX_POOL_SIZE = 50;
    static final String DEFAULT_REGION = "us-east-1";
    static final String DEFAULT_DB_NAME = "flightwatch";

    private final String dbUrl;
    private final String dbUser;
    private final String dbPassword;
    private final String dbSecretArn;
    private final int dbPoolSize;
    private final boolean dbMigrate;
    private final String alertsTopicArn;
    private final String awsRegion;
    private final URI awsEndpointUrl;

    private Config(Function<String, String> env, SecretReader secrets) {
        this.awsRegion = Optional.ofNullable(blankToNull(env.apply("AWS_REGION"))).orElse(DEFAULT_REGION);
        this.awsEndpointUrl = endpoint(env.apply("AWS_ENDPOINT_URL"));
        this.dbSecretArn = blankToNull(env.apply("DB_SECRET_ARN"));
        if (dbSecretArn != null) {
            DbCredentials credentials = DbCredentials.fromSecretJson(
                    secrets.secretString(dbSecretArn, awsRegion, awsEndpointUrl),
                    Optional.ofNullable(blankToNull(env.apply("DB_NAME"))).orElse(DEFAULT_DB_NAME));
            this.dbUrl = credentials.jdbcUrl();
            this.dbUser = credentials.username();
            this.dbPassword = credentials.password();
        } else {
            this.dbUrl = required(env, "DB_URL");
            if (!dbUrl.startsWith("jdbc:mysql:")) {
                throw new ConfigException("DB_URL",
                        "must be a MySQL JDBC URL starting with jdbc:mysql:, was " + redactUrl(dbUrl));
            }
            this.dbUser = required(env, "DB_USER");
            this.dbPassword = Optional.ofNullable(env.apply("DB_PASSWORD")).orElse("");
        }
        this.dbPoolSize = poolSize(env.apply("DB_POOL_SIZE"));
        this.dbMigrate = bool(env, "DB_MIGRATE", true);
        this.alertsTopicArn = blankToNull(env.apply("ALERTS_TOPIC_ARN"));
    }

    public static Config fromEnvironment() {
        return load(System::getenv);
    }

    /** The secret, when {@code DB_SECRET_ARN} names one, comes from Secrets Manager (cached per JVM). */
    public static Config load(Function<String, String> env) {
        return load(env, SecretsManagerSecrets.INSTANCE);
    }

    public static Config load(Function<String, String> env, SecretReader secrets) {
        return new Config(env, secrets);
    }

    public String dbUrl() {
        return dbUrl;
    }

    public String dbUser() {
        return dbUser;
    }

    public String dbPassword() {
        return dbPassword;
    }

    /** The RDS secret the database settings came from, when they came from one. */
    public Optional<String> dbSecretArn() {
        return Optional.ofNullable(dbSecretArn);
    }

    public int dbPoolSize() {
        return dbPoolSize;
    }

    public boolean dbMigrate() {
        return dbMigrate;
    }

    public String awsRegion() {
        return awsRegion;
    }

    public Optional<URI> awsEndpointUrl() {
        return Optional.ofNullable(awsEndpointUrl);
    }

    public Optional<String> alertsTopicArn() {
        return Optional.ofNullable(alertsTopicArn);
    }

    public String requireAlertsTopicArn() {
        if (alertsTopicArn == null) {
            throw new ConfigException("ALERTS_TOPIC_ARN",
                    "is required: the alerts function publishes every alert to this SNS topic");
        }
        if (!alertsTopicArn.startsWith("arn:")) {
            throw new ConfigException("ALERTS_TOPIC_ARN",
                    "must be an SNS topic ARN (arn:aws:sns:region:account:name), was " + alertsTopicArn);
        }
        return alertsTopicArn;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "Config[dbUrl=" + redactUrl(dbUrl) + ", dbUser=" + dbUser + ", dbSecretArn=" + dbSecretArn + ", dbPoolSize=" + dbPoolSize
                + ", dbMigrate=" + dbMigrate + ", alertsTopicArn=" + alertsTopicArn
                + ", awsRegion=" + awsRegion + ", awsEndpointUrl=" + awsEndpointUrl + "]";
    }

    private static String required(Function<String, String> env, String key) {
        String value = blankToNull(env.apply(key));
        if (value == null) {
            throw new ConfigException(key, "is required but not set");
        }
        return value;
    }

    private static int poolSize(String raw) {
        if (blankToNull(raw) == null) {
            return DEFAULT_POOL_SIZE;
        }
        try {
            int size = Integer.parseInt(raw.trim());
            if (size < 1 || size > MAX_POOL_SIZE) {
                throw new ConfigException("DB_POOL_SIZE", "must be between 1 and " + MAX_POOL_SIZE + ", was " + size);
            }
            return size;
        } catch (NumberFormatException e) {
            throw new ConfigException("DB_POOL_SIZE", "must be a whole number, was '" + raw + "'");
        }
    }

    private static boolean bool(Function<String, String> env, String key, boolean defaultValue) {
        String raw = blankToNull(env.apply(key));
        if (raw == null) {
            return defaultValue;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(key, "must be true or false, was '" + raw + "'");
        };
    }

    private static URI endpoint(String raw) {
        if (blankToNull(raw) == null) {
            return null;
        }
        try {
            URI uri = new URI(raw.trim());
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!http || uri.getHost() == null) {
                throw new ConfigException("AWS_ENDPOINT_URL",
                        "must be an http(s) URL like http://127.0.0.1:3001, was '" + raw + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException("AWS_ENDPOINT_URL", "is not a valid URL: " + e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** JDBC URLs may carry a password as a query parameter; show only what is before the '?'. */
    private static String redactUrl(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }
}
