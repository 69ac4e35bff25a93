package com.flightwatch.common.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.common.exceptions.ConfigException;
import java.io.IOException;

/**
 * Where the database is and how to log in, as RDS writes it into the Secrets Manager secret it
 * generates: {@code {"host", "port", "username", "password", "dbname", "engine", ...}}.
 *
 * @param dbname the schema to use; RDS leaves it out of the secret unless the instance names one,
 *               so the caller's default fills it
 */
public record DbCredentials(String host, int port, String username, String password, String dbname) {

    static final int MYSQL_PORT = 3306;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parses the secret's JSON. Errors name {@code DB_SECRET_ARN} and the missing field, never the
     * secret's content.
     */
    public static DbCredentials fromSecretJson(String secretJson, String defaultDbname) {
        JsonNode secret;
        try {
            secret = JSON.readTree(secretJson);
        } catch (IOException e) {
            throw new ConfigException("DB_SECRET_ARN", "the secret's value is not JSON");
        }
        if (secret == null || !secret.isObject()) {
            throw new ConfigException("DB_SECRET_ARN", "the secret's value is not a JSON object");
        }
        String dbname = text(secret, "dbname");
        return new DbCredentials(
                required(secret, "host"),
                port(secret),
                required(secret, "username"),
                required(secret, "password"),
                dbname != null ? dbname : defaultDbname);
    }

    /**
     * RDS for MySQL 8.4 requires TLS by default ({@code require_secure_transport}); REQUIRED
     * encrypts without checking the certificate against a trust store the Lambda JVM lacks.
     */
    public String jdbcUrl() {
        return "jdbc:mysql://" + host + ":" + port + "/" + dbname + "?sslMode=REQUIRED";
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DbCredentials[host=" + host + ", port=" + port + ", username=" + username + ", dbname=" + dbname + "]";
    }

    private static String required(JsonNode secret, String field) {
        String value = text(secret, field);
        if (value == null) {
            throw new ConfigException("DB_SECRET_ARN", "the secret has no '" + field + "' field");
        }
        return value;
    }

    private static int port(JsonNode secret) {
        JsonNode port = secret.get("port");
        if (port == null || port.isNull()) {
            return MYSQL_PORT;
        }
        try {
            return Integer.parseInt(port.asText().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("DB_SECRET_ARN", "the secret's 'port' is not a number: '" + port.asText() + "'");
        }
    }

    private static String text(JsonNode secret, String field) {
        JsonNode value = secret.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
