package com.flightwatch.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.common.exceptions.ConfigException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    private final Map<String, String> env = new HashMap<>(Map.of(
            "DB_URL", "jdbc:mysql://127.0.0.1:3306/flightwatch",
            "DB_USER", "flightwatch"));

    @Test
    void load_withOnlyRequiredKeys_appliesDefaults() {
        Config config = Config.load(env::get);

        assertThat(config.dbPassword()).isEmpty();
        assertThat(config.dbPoolSize()).isEqualTo(2);
        assertThat(config.dbMigrate()).isTrue();
        assertThat(config.awsRegion()).isEqualTo("us-east-1");
        assertThat(config.awsEndpointUrl()).isEmpty();
        assertThat(config.alertsTopicArn()).isEmpty();
    }

    @Test
    void load_withEveryKey_readsThem() {
        env.putAll(Map.of("DB_PASSWORD", "s3cret", "DB_POOL_SIZE", "5", "DB_MIGRATE", "false",
                "ALERTS_TOPIC_ARN", "arn:aws:sns:eu-west-1:000000000000:alerts", "AWS_REGION", "eu-west-1",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:3001"));

        Config config = Config.load(env::get);

        assertThat(config.dbPassword()).isEqualTo("s3cret");
        assertThat(config.dbPoolSize()).isEqualTo(5);
        assertThat(config.dbMigrate()).isFalse();
        assertThat(config.requireAlertsTopicArn()).isEqualTo("arn:aws:sns:eu-west-1:000000000000:alerts");
        assertThat(config.awsRegion()).isEqualTo("eu-west-1");
        assertThat(config.awsEndpointUrl()).contains(URI.create("http://127.0.0.1:3001"));
    }

    @Test
    void load_withoutDbUrl_failsNamingTheKey() {
        env.remove("DB_URL");

        assertThatThrownBy(() -> Config.load(env::get))
                .isInstanceOf(ConfigException.class)
                .hasMessage("DB_URL: is required but not set");
    }

    @Test
    void load_withBlankDbUser_failsNamingTheKey() {
        env.put("DB_USER", "  ");

        assertThatThrownBy(() -> Config.load(env::get)).hasMessageStartingWith("DB_USER:");
    }

    @Test
    void load_withNonMysqlUrl_failsWithoutEchoingQueryParameters() {
        env.put("DB_URL", "jdbc:postgresql://db/x?password=hunter2");

        assertThatThrownBy(() -> Config.load(env::get))
                .hasMessageStartingWith("DB_URL: must be a MySQL JDBC URL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void load_withNonNumericPoolSize_failsNamingTheKeyAndValue() {
        env.put("DB_POOL_SIZE", "two");

        assertThatThrownBy(() -> Config.load(env::get))
                .isInstanceOf(ConfigException.class)
                .hasMessage("DB_POOL_SIZE: must be a whole number, was 'two'");
    }

    @Test
    void load_withPoolSizeZero_failsWithTheRange() {
        env.put("DB_POOL_SIZE", "0");

        assertThatThrownBy(() -> Config.load(env::get)).hasMessage("DB_POOL_SIZE: must be between 1 and 50, was 0");
    }

    @Test
    void load_withMigrateNotBoolean_fails() {
        env.put("DB_MIGRATE", "yes");

        assertThatThrownBy(() -> Config.load(env::get)).hasMessage("DB_MIGRATE: must be true or false, was 'yes'");
    }

    @Test
    void load_withEndpointWithoutScheme_fails() {
        env.put("AWS_ENDPOINT_URL", "localhost:3001");

        assertThatThrownBy(() -> Config.load(env::get)).hasMessageStartingWith("AWS_ENDPOINT_URL: must be an http(s) URL");
    }

    @Test
    void requireAlertsTopicArn_whenUnset_failsNamingTheKey() {
        Config config = Config.load(env::get);

        assertThatThrownBy(config::requireAlertsTopicArn)
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("ALERTS_TOPIC_ARN: is required");
    }

    @Test
    void requireAlertsTopicArn_whenNotAnArn_fails() {
        env.put("ALERTS_TOPIC_ARN", "alerts");

        assertThatThrownBy(Config.load(env::get)::requireAlertsTopicArn)
                .hasMessageStartingWith("ALERTS_TOPIC_ARN: must be an SNS topic ARN");
    }

    @Test
    void toString_neverShowsThePassword() {
        env.put("DB_PASSWORD", "s3cret");

        assertThat(Config.load(env::get).toString()).doesNotContain("s3cret");
    }
}
