package com.flightwatch.platform.faults;

import static com.flightwatch.platform.faults.FaultPlatform.alive;
import static com.flightwatch.platform.faults.FaultPlatform.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.activations.Activation;
import com.flightwatch.platform.faults.FaultPlatform.ApiRoute;
import com.flightwatch.platform.lambda.HandlerJars;
import com.flightwatch.platform.lambda.InvocationDetails;
import com.flightwatch.platform.lambda.InvocationStatus;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function that hangs (never answers, ignores interruption): the invocation ends at the function's
 * timeout with Lambda's error, the instance is killed and replaced; through the gateway, API
 * Gateway's answers — 502 when the function's own timeout comes first (Lambda reports it as a
 * function error), 504 when the integration's does.
 */
class HangingFunctionIT {

    private static final int FUNCTION_TIMEOUT_SECONDS = 2;

    @TempDir
    static Path jars;
    static FaultPlatform platform;

    @BeforeAll
    static void start() {
        Path handlers = HandlerJars.build(jars, "hanging", Map.of(), "HangingHandler");
        platform = new FaultPlatform(Duration.ofMinutes(10));
        platform.deploy("hang", "example.HangingHandler", 256, FUNCTION_TIMEOUT_SECONDS, handlers);
        platform.deploy("hang-long", "example.HangingHandler", 256, 3, handlers);
        platform.serve(List.of(new ApiRoute("/hang", "hang", null), new ApiRoute("/ok", "hang", null),
                new ApiRoute("/long/hang", "hang-long", 1_000)));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void invoke_functionHangs_timesOutWithLambdasErrorAndTheNextCallRunsOnAFreshInstance() {
        String firstPid = body(platform.invoke("hang", "{}"));

        InvocationDetails hung = platform.invoke("hang", "{\"hang\": true}");
        InvocationDetails next = platform.invoke("hang", "{}");

        assertThat(hung.result().status()).isEqualTo(InvocationStatus.TIMEOUT);
        assertThat(hung.result().errorType()).isEqualTo("Sandbox.Timedout");
        assertThat(hung.result().errorMessage())
                .isEqualTo("RequestId: " + hung.result().requestId() + " Error: Task timed out after 2.00 seconds");
        assertThat(hung.logs()).contains("hanging in " + firstPid);
        Activation record = platform.activation(hung.result().requestId());
        assertThat(record.status()).isEqualTo("TIMEOUT");
        assertThat(record.durationMs()).isGreaterThanOrEqualTo(FUNCTION_TIMEOUT_SECONDS * 1000L);
        assertThat(alive(Long.parseLong(firstPid))).as("the hung instance was killed").isFalse();
        assertThat(next.coldStart()).as("a fresh instance").isTrue();
        assertThat(body(next)).isNotEqualTo(firstPid);
    }

    @Test
    void gateway_functionHangsPastItsOwnTimeout_answers502AndTheNextRequestIsServed() {
        HttpResponse<String> hung = platform.get("/hang");
        HttpResponse<String> next = platform.get("/ok");

        assertThat(hung.statusCode()).isEqualTo(502);
        assertThat(hung.body()).isEqualTo("{\"message\": \"Internal server error\"}");
        assertThat(next.statusCode()).isEqualTo(200);
    }

    @Test
    void gateway_functionHangsPastTheIntegrationTimeout_answers504AndTheInstanceIsStillKilledAtItsOwnTimeout() {
        HttpResponse<String> hung = platform.get("/long/hang");

        assertThat(hung.statusCode()).isEqualTo(504);
        assertThat(hung.body()).isEqualTo("{\"message\": \"Endpoint request timed out\"}");
        List<Long> pids = platform.invoker.instancePids("hang-long");
        assertThat(pids).as("still running after the gateway gave up").hasSize(1);
        await("the instance killed at its own timeout", Duration.ofSeconds(10), () -> !alive(pids.get(0)));
    }

    private static String body(InvocationDetails details) {
        assertThat(details.result().status()).as(details.result().errorMessage()).isEqualTo(InvocationStatus.SUCCESS);
        String json = new String(details.result().payload(), StandardCharsets.UTF_8);
        return json.replaceAll(".*\"body\":\"(\\d+)\".*", "$1");
    }
}
