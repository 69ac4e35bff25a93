package com.flightwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.CustomResourceRunner.CustomResourceFailedException;
import com.flightwatch.platform.lambda.InvocationResult;
import com.flightwatch.platform.lambda.InvocationStatus;
import com.flightwatch.platform.stack.CustomResourceSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomResourceRunnerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> events = new ArrayList<>();
    private InvocationResult answer = result(InvocationStatus.SUCCESS, "{\"Status\":\"SUCCESS\",\"PhysicalResourceId\":\"schema\"}");
    private final CustomResourceRunner runner = new CustomResourceRunner((name, event) -> {
        try {
            events.add(((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(event)).put("invokedFunction", name));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return answer;
    }, "Flightwatch", "eu-west-1");

    @Test
    void create_successAnswer_sendsCloudFormationsCreateEventToTheFunction() throws Exception {
        runner.create(migrations());

        JsonNode event = events.get(0);
        assertThat(event.get("invokedFunction").asText()).isEqualTo("migrator");
        assertThat(event.get("RequestType").asText()).isEqualTo("Create");
        assertThat(event.get("LogicalResourceId").asText()).isEqualTo("SchemaMigrations");
        assertThat(event.get("ResourceType").asText()).isEqualTo("Custom::SchemaMigrations");
        assertThat(event.get("StackId").asText()).startsWith("arn:aws:cloudformation:eu-west-1:000000000000:stack/Flightwatch/");
        assertThat(event.get("ResourceProperties").get("MigrationsHash").asText()).isEqualTo("abc");
        assertThat(event.get("ResourceProperties").get("ServiceToken").asText())
                .isEqualTo("arn:aws:lambda:eu-west-1:000000000000:function:migrator");
        assertThat(event.has("ResponseURL")).isFalse();
    }

    @Test
    void create_failedAnswer_stopsWithItsReason() {
        answer = result(InvocationStatus.SUCCESS, "{\"Status\":\"FAILED\",\"Reason\":\"V3 failed: syntax error\"}");

        assertThatThrownBy(() -> runner.create(migrations()))
                .isInstanceOf(CustomResourceFailedException.class)
                .hasMessageContaining("SchemaMigrations").hasMessageContaining("V3 failed: syntax error");
    }

    @Test
    void create_functionError_stopsWithTheError() {
        answer = new InvocationResult("r-1", InvocationStatus.INIT_ERROR, null, "Runtime.InitTimeout", "Init timed out", 10);

        assertThatThrownBy(() -> runner.create(migrations()))
                .isInstanceOf(CustomResourceFailedException.class)
                .hasMessageContaining("migrator").hasMessageContaining("Runtime.InitTimeout: Init timed out");
    }

    private static CustomResourceSpec migrations() throws Exception {
        return new CustomResourceSpec("SchemaMigrations", "Custom::SchemaMigrations", "migrator",
                JSON.readTree("{\"MigrationsHash\":\"abc\"}"));
    }

    private static InvocationResult result(InvocationStatus status, String payload) {
        return new InvocationResult("r-1", status, payload.getBytes(StandardCharsets.UTF_8), null, null, 5);
    }
}
