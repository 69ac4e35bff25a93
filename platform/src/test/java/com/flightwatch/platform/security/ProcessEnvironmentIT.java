package com.flightwatch.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.lambda.HandlerJars;
import com.flightwatch.platform.lambda.InvocationResult;
import com.flightwatch.platform.lambda.ProcessInvoker;
import com.flightwatch.platform.stack.FunctionSpec;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process-isolated function sees Lambda's variables and its own, and nothing of the platform's
 * environment (its HOME, credentials, database settings…) except PATH.
 */
class ProcessEnvironmentIT {

    @TempDir
    Path work;

    @Test
    void invoke_processIsolated_seesOnlyLambdasVariablesAndItsOwn() throws Exception {
        Path handlers = HandlerJars.build(work, "handlers", Map.of(), "EnvNamesHandler");
        Vertx vertx = Vertx.vertx();
        ProcessInvoker invoker = new ProcessInvoker(vertx, "us-east-1", 1);
        try {
            invoker.deploy(new FunctionSpec("EnvFunction", "env", "example.EnvNamesHandler", "java21", 256, 30,
                    Map.of("APP_SETTING", "mine"), handlers));

            InvocationResult result = invoker.invoke("env", "{}".getBytes(StandardCharsets.UTF_8));

            assertThat(result.succeeded()).as(new String(result.payload(), StandardCharsets.UTF_8)).isTrue();
            Set<String> seen = Set.of(new ObjectMapper().readValue(result.payload(), String.class).split(","));
            assertThat(seen).contains("APP_SETTING", "PATH", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_RUNTIME_API");
            assertThat(seen).allSatisfy(name -> assertThat(name).matches("AWS_.*|_HANDLER|PATH|LANG|TZ|APP_SETTING"));
            Set<String> platformOnly = new HashSet<>(System.getenv().keySet());
            platformOnly.removeAll(List.of("PATH", "LANG", "TZ"));
            platformOnly.removeIf(name -> name.startsWith("AWS_"));
            assertThat(platformOnly).as("the platform's own variables").isNotEmpty();
            assertThat(seen).doesNotContainAnyElementsOf(platformOnly);
        } finally {
            invoker.close();
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
