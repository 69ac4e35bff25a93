package com.flightwatch.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.common.exceptions.ConfigException;
import org.junit.jupiter.api.Test;

class DbCredentialsTest {

    /** The shape RDS writes once the secret is attached to the instance. */
    private static final String RDS_SECRET = """
            {"username":"flightwatch","password":"p@ss\\"word","engine":"mysql",
             "host":"db.abc.eu-west-1.rds.amazonaws.com","port":3306,"dbname":"alerts",
             "dbInstanceIdentifier":"flightwatch-db"}""";

    @Test
    void fromSecretJson_rdsSecret_readsEveryField() {
        DbCredentials credentials = DbCredentials.fromSecretJson(RDS_SECRET, "flightwatch");

        assertThat(credentials).isEqualTo(new DbCredentials(
                "db.abc.eu-west-1.rds.amazonaws.com", 3306, "flightwatch", "p@ss\"word", "alerts"));
        assertThat(credentials.jdbcUrl())
                .isEqualTo("jdbc:mysql://db.abc.eu-west-1.rds.amazonaws.com:3306/alerts?sslMode=REQUIRED");
    }

    @Test
    void fromSecretJson_withoutDbnameOrPort_usesTheDefaults() {
        DbCredentials credentials = DbCredentials.fromSecretJson(
                "{\"username\":\"u\",\"password\":\"p\",\"host\":\"h\"}", "flightwatch");

        assertThat(credentials.dbname()).isEqualTo("flightwatch");
        assertThat(credentials.port()).isEqualTo(3306);
    }

    @Test
    void fromSecretJson_portAsText_isParsed() {
        assertThat(DbCredentials.fromSecretJson(
                "{\"username\":\"u\",\"password\":\"p\",\"host\":\"h\",\"port\":\"3307\"}", "x").port()).isEqualTo(3307);
    }

    @Test
    void fromSecretJson_withoutPassword_failsNamingTheFieldNotTheValue() {
        assertThatThrownBy(() -> DbCredentials.fromSecretJson("{\"username\":\"u\",\"host\":\"h\"}", "x"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("DB_SECRET_ARN: the secret has no 'password' field");
    }

    @Test
    void fromSecretJson_notJson_failsWithoutEchoingTheSecret() {
        assertThatThrownBy(() -> DbCredentials.fromSecretJson("hunter2", "x"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("DB_SECRET_ARN: the secret's value is not JSON");
    }

    @Test
    void fromSecretJson_badPort_failsNamingThePort() {
        assertThatThrownBy(() -> DbCredentials.fromSecretJson(
                "{\"username\":\"u\",\"password\":\"p\",\"host\":\"h\",\"port\":\"db\"}", "x"))
                .hasMessage("DB_SECRET_ARN: the secret's 'port' is not a number: 'db'");
    }

    @Test
    void toString_neverShowsThePassword() {
        assertThat(DbCredentials.fromSecretJson(RDS_SECRET, "x").toString()).doesNotContain("word");
    }
}
