package com.flightwatch.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which source the database settings come from: the RDS secret when DB_SECRET_ARN is set, DB_* otherwise. */
class ConfigSecretTest {

    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:FlightwatchDbSecret-AbCdEf";
    private static final String SECRET = "{\"username\":\"admin\",\"password\":\"from-secret\",\"host\":\"db.internal\","
            + "\"port\":3306,\"dbname\":\"flightwatch\"}";

    private final Map<String, String> env = new HashMap<>(Map.of("AWS_REGION", "eu-west-1"));
    private final List<String> reads = new ArrayList<>();

    private final SecretReader secrets = (secretArn, region, endpoint) -> {
        reads.add(secretArn + " in " + region + " via " + endpoint);
        return SECRET;
    };

    @Test
    void load_withSecretArn_readsTheDatabaseFromTheSecret() {
        env.put("DB_SECRET_ARN", ARN);

        Config config = Config.load(env::get, secrets);

        assertThat(config.dbUrl()).isEqualTo("jdbc:mysql://db.internal:3306/flightwatch?sslMode=REQUIRED");
        assertThat(config.dbUser()).isEqualTo("admin");
        assertThat(config.dbPassword()).isEqualTo("from-secret");
        assertThat(config.dbSecretArn()).contains(ARN);
        assertThat(reads).containsExactly(ARN + " in eu-west-1 via null");
    }

    @Test
    void load_withSecretArnAndDbVariables_preferTheSecret() {
        env.putAll(Map.of("DB_SECRET_ARN", ARN, "DB_URL", "jdbc:mysql://elsewhere/x", "DB_USER", "other"));

        Config config = Config.load(env::get, secrets);

        assertThat(config.dbUrl()).startsWith("jdbc:mysql://db.internal:3306/");
        assertThat(config.dbUser()).isEqualTo("admin");
    }

    @Test
    void load_withSecretArnAndEndpointUrl_readsTheSecretThroughThatEndpoint() {
        env.putAll(Map.of("DB_SECRET_ARN", ARN, "AWS_ENDPOINT_URL", "http://127.0.0.1:4566"));

        Config.load(env::get, secrets);

        assertThat(reads).containsExactly(ARN + " in eu-west-1 via " + URI.create("http://127.0.0.1:4566"));
    }

    @Test
    void load_withoutSecretArn_usesDbVariablesAndNeverReadsASecret() {
        env.putAll(Map.of("DB_URL", "jdbc:mysql://127.0.0.1:3306/fw", "DB_USER", "fw", "DB_PASSWORD", "local"));

        Config config = Config.load(env::get, secrets);

        assertThat(config.dbUrl()).isEqualTo("jdbc:mysql://127.0.0.1:3306/fw");
        assertThat(config.dbSecretArn()).isEmpty();
        assertThat(reads).isEmpty();
    }

    @Test
    void load_withNeitherSecretNorDbUrl_failsNamingDbUrl() {
        assertThatThrownBy(() -> Config.load(env::get, secrets)).hasMessage("DB_URL: is required but not set");
    }

    @Test
    void toString_withSecret_neverShowsThePassword() {
        env.put("DB_SECRET_ARN", ARN);

        assertThat(Config.load(env::get, secrets).toString()).doesNotContain("from-secret");
    }
}
