package com.flightwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.stack.FunctionSpec;
import com.flightwatch.platform.stack.LocalDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionEnvironmentTest {

    private final FunctionEnvironment environment = new FunctionEnvironment(
            "jdbc:mysql://127.0.0.1:33061/flightwatch_app?sslMode=DISABLED", "root", "", "http://127.0.0.1:3001", "eu-west-1");

    @Test
    void applyTo_awsEnvironment_dropsTheSecretArnAndKeepsTheTemplatesMigrateSetting() {
        FunctionSpec applied = environment.applyTo(function(Map.of(
                "DB_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-AbCdEf",
                "DB_MIGRATE", "false",
                "ALERTS_TOPIC_ARN", "arn:aws:sns:us-east-1:000000000000:alerts")));

        assertThat(applied.environment())
                .doesNotContainKey("DB_SECRET_ARN")
                .containsEntry("DB_MIGRATE", "false")
                .containsEntry("DB_URL", "jdbc:mysql://127.0.0.1:33061/flightwatch_app?sslMode=DISABLED")
                .containsEntry("DB_USER", "root")
                .containsEntry("AWS_ENDPOINT_URL", "http://127.0.0.1:3001")
                .containsEntry("ALERTS_TOPIC_ARN", "arn:aws:sns:us-east-1:000000000000:alerts");
    }

    @Test
    void applyTo_rdsEndpointPlaceholders_becomeTheLocalDatabasesHostAndPort() {
        FunctionSpec applied = environment.applyTo(function(Map.of(
                "DATABASE", LocalDatabase.HOST_PLACEHOLDER + ":" + LocalDatabase.PORT_PLACEHOLDER)));

        assertThat(applied.environment()).containsEntry("DATABASE", "127.0.0.1:33061");
    }

    private static FunctionSpec function(Map<String, String> variables) {
        return new FunctionSpec("Fn", "Fn", "com.example.Handler", "java21", 512, 15, variables, Path.of("fn.jar"));
    }
}
