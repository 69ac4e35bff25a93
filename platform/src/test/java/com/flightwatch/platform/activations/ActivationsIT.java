package com.flightwatch.platform.activations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.cli.FlightwatchCli;
import com.flightwatch.platform.lambda.HandlerJars;
import com.flightwatch.platform.lambda.InvocationResult;
import com.flightwatch.platform.lambda.InvocationType;
import com.flightwatch.platform.lambda.ProcessInvoker;
import com.flightwatch.platform.stack.FunctionSpec;
import com.flightwatch.platform.store.EmbeddedMariaDb;
import com.flightwatch.platform.store.PlatformDatabase;
import com.flightwatch.platform.store.TestMariaDb;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Invocations of process-isolated functions recorded in a real embedded MariaDB and read over the control plane's routes. */
class ActivationsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path jars;
    static EmbeddedMariaDb db;
    static HikariDataSource data;
    static Vertx vertx;
    static ProcessInvoker invoker;
    static ActivationRecorder recorder;
    static HttpServer server;
    static String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path handlers = HandlerJars.build(jars, "handlers", Map.of(), "LoggingHandler", "FailingHandler");
        db = TestMariaDb.startFresh("activations");
        data = PlatformDatabase.open(db.jdbcUrl(PlatformDatabase.DATABASE_NAME), EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD);
        vertx = Vertx.vertx();
        invoker = new ProcessInvoker(vertx, "us-east-1", 2);
        invoker.deploy(new FunctionSpec("LoggerFunction", "logger", "example.LoggingHandler", "java21", 128, 5, Map.of(), handlers));
        invoker.deploy(new FunctionSpec("ColdFunction", "cold-logger", "example.LoggingHandler", "java21", 128, 5, Map.of(), handlers));
        invoker.deploy(new FunctionSpec("FailerFunction", "failer", "example.FailingHandler", "java21", 128, 5, Map.of(), handlers));
        ActivationStore store = new JdbcActivationStore(data);
        recorder = new ActivationRecorder(invoker, store, ActivationRecorder.GATEWAY, Clock.systemUTC());
        Router router = Router.router(vertx);
        new ActivationRoutes(vertx, store).mount(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get();
        baseUrl = "http://127.0.0.1:" + server.actualPort() + "/_platform/activations";
    }

    @AfterAll
    static void stop() {
        invoker.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        data.close();
        db.close();
    }

    @Test
    void list_afterColdAndWarmInvocations_showsBothNewestFirstWithInitDurationOnTheColdOne() throws Exception {
        InvocationResult cold = recorder.invoke("cold-logger", bytes("\"first\""));
        InvocationResult warm = recorder.invoke("cold-logger", bytes("\"second\""));

        JsonNode list = JSON.readTree(get("?function=cold-logger&limit=10").body());

        assertThat(list).hasSize(2);
        assertThat(list.get(0).path("activationId").asText()).isEqualTo(warm.requestId());
        assertThat(list.get(0).has("initDuration")).isFalse();
        assertThat(list.get(1).path("activationId").asText()).isEqualTo(cold.requestId());
        assertThat(list.get(1).path("initDuration").asLong()).isPositive();
        assertThat(list.get(1).path("status").asText()).isEqualTo("SUCCESS");
        assertThat(list.get(1).path("trigger").asText()).isEqualTo("gateway");
        assertThat(list.get(1).path("name").asText()).isEqualTo("cold-logger");
    }

    @Test
    void get_oneActivation_hasItsResultAndOnlyItsOwnLogs() throws Exception {
        InvocationResult result = recorder.invoke("logger", bytes("\"third\""));

        JsonNode activation = JSON.readTree(get("/" + result.requestId()).body());
        HttpResponse<String> logs = get("/" + result.requestId() + "/logs");
        JsonNode response = JSON.readTree(get("/" + result.requestId() + "/result").body());

        JsonNode payload = JSON.readTree(result.payload());
        assertThat(activation.path("response").path("result")).isEqualTo(payload);
        assertThat(response.path("result")).isEqualTo(payload);
        assertThat(response.path("status").asText()).isEqualTo("success");
        assertThat(activation.path("duration").asLong()).isEqualTo(result.durationMillis());
        assertThat(activation.path("end").asLong() - activation.path("start").asLong()).isEqualTo(result.durationMillis());
        assertThat(activation.path("logs")).anySatisfy(line -> assertThat(line.asText()).isEqualTo("stdout says third"));
        assertThat(logs.statusCode()).isEqualTo(200);
        assertThat(logs.body()).contains("stdout says third", "stderr says third", "logger says third")
                .doesNotContain("first", "second");
    }

    @Test
    void get_invocationWithACause_showsCauseVersionRuntimeMemoryAndWaitTime() throws Exception {
        InvocationResult result = recorder.invoke("logger", bytes("\"caused\""), InvocationType.REQUEST_RESPONSE,
                "gateway-request-7");

        JsonNode activation = JSON.readTree(get("/" + result.requestId()).body());

        assertThat(activation.path("cause").asText()).isEqualTo("gateway-request-7");
        assertThat(activation.path("version").asText()).isEqualTo("$LATEST");
        assertThat(activation.path("waitTime").isIntegralNumber()).isTrue();
        assertThat(activation.path("annotations").toString())
                .contains("{\"key\":\"kind\",\"value\":\"java21\"}", "{\"key\":\"limits\",\"value\":{\"memory\":128}}");
    }

    @Test
    void list_sinceAndUpto_selectByWhenActivationsEnded() throws Exception {
        InvocationResult before = recorder.invoke("logger", bytes("\"before the window\""));
        long windowStart = JSON.readTree(get("/" + before.requestId()).body()).path("end").asLong() + 1;
        while (System.currentTimeMillis() < windowStart) {
            Thread.onSpinWait(); // at most a millisecond, so that the next one cannot end in the same one
        }
        InvocationResult inside = recorder.invoke("logger", bytes("\"in the window\""));

        JsonNode sinceEpoch = JSON.readTree(get("?function=logger&since=" + windowStart).body());
        JsonNode sinceIso = JSON.readTree(get("?function=logger&since=" + Instant.ofEpochMilli(windowStart)).body());
        JsonNode upto = JSON.readTree(get("?function=logger&upto=" + (windowStart - 1) + "&limit=200").body());

        assertThat(ids(sinceEpoch)).containsExactly(inside.requestId());
        assertThat(ids(sinceIso)).containsExactly(inside.requestId());
        assertThat(ids(upto)).contains(before.requestId()).doesNotContain(inside.requestId());
    }

    @Test
    void list_skip_pagesThroughNewestFirst() throws Exception {
        recorder.invoke("logger", bytes("\"page a\""));
        recorder.invoke("logger", bytes("\"page b\""));

        JsonNode firstTwo = JSON.readTree(get("?function=logger&limit=2").body());
        JsonNode second = JSON.readTree(get("?function=logger&limit=1&skip=1").body());

        assertThat(ids(second)).containsExactly(ids(firstTwo).get(1));
    }

    @Test
    void list_badSinceOrUpto_answers400NamingTheParameter() throws Exception {
        HttpResponse<String> since = get("?since=yesterday");
        HttpResponse<String> upto = get("?upto=12:00");

        assertThat(since.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(since.body()).path("message").asText()).startsWith("since must be");
        assertThat(upto.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(upto.body()).path("message").asText()).startsWith("upto must be");
    }

    @Test
    void list_byStatus_findsTheFunctionErrorWithItsType() throws Exception {
        InvocationResult failed = recorder.invoke("failer", bytes("{\"reason\": \"bad input\"}"));

        JsonNode list = JSON.readTree(get("?status=function_error").body());
        JsonNode activation = JSON.readTree(get("/" + failed.requestId()).body());

        assertThat(list).anySatisfy(item -> assertThat(item.path("activationId").asText()).isEqualTo(failed.requestId()));
        assertThat(list).allSatisfy(item -> assertThat(item.path("status").asText()).isEqualTo("FUNCTION_ERROR"));
        assertThat(activation.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(activation.path("errorMessage").asText()).isEqualTo("boom: bad input");
    }

    @Test
    void get_unknownIdOrBadLimit_answers404Or400() throws Exception {
        assertThat(get("/no-such-activation").statusCode()).isEqualTo(404);
        assertThat(get("?limit=lots").statusCode()).isEqualTo(400);
        assertThat(get("?status=SLEEPY").statusCode()).isEqualTo(400);
        assertThat(get("/no-such-activation/result").statusCode()).isEqualTo(404);
    }

    @Test
    void activationsCommand_listAndLogs_printTheRecordsOfTheRunningPlatform() {
        InvocationResult result = recorder.invoke("logger", bytes("\"from the cli\""));
        String controlUrl = baseUrl.substring(0, baseUrl.indexOf("/_platform"));

        String list = cli("activations", "list", "--function", "logger", "--since", "10m", "--control-url", controlUrl);
        String logs = cli("activations", "logs", result.requestId(), "--control-url", controlUrl);
        String answer = cli("activations", "result", result.requestId(), "--control-url", controlUrl);
        String record = cli("activations", "get", result.requestId(), "--control-url", controlUrl);

        assertThat(list).contains(result.requestId(), "logger", "SUCCESS", "gateway").containsPattern("\\d+ activation\\(s\\)");
        assertThat(logs).contains("stdout says from the cli", "logger says from the cli");
        assertThat(answer).contains("\"success\" : true", result.requestId());
        assertThat(record).contains("\"activationId\" : \"" + result.requestId() + "\"", "stdout says from the cli");
    }

    @Test
    void activationsPoll_invocationsWhileItRuns_printsEachOnceAsItFinishes() throws Exception {
        String controlUrl = baseUrl.substring(0, baseUrl.indexOf("/_platform"));
        StringWriter out = new StringWriter();
        Instant since = Instant.now();
        Thread poll = new Thread(() -> new CommandLine(new FlightwatchCli()).setOut(new PrintWriter(out)).execute(
                "activations", "poll", "--function", "logger", "--since", since.toString(), "--interval", "100ms",
                "--control-url", controlUrl), "poll");
        poll.start();
        try {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(recorder.invoke("logger", bytes("\"polled " + i + "\"")).requestId());
            }
            awaitLines(out, 3);
            ids.add(recorder.invoke("logger", bytes("\"polled 3\"")).requestId()); // later polls re-read the first three
            awaitLines(out, 4);

            List<String> lines = out.toString().lines().toList();
            assertThat(lines).hasSize(4);
            for (int i = 0; i < 4; i++) {
                assertThat(lines.get(i)).contains(ids.get(i), "logger", "SUCCESS", " ms");
            }
        } finally {
            poll.interrupt();
            poll.join(10_000);
        }
        assertThat(poll.isAlive()).isFalse();
    }

    /** Waits, up to 20 s, until the poll printed {@code count} lines, and checks it printed no more than that. */
    private static void awaitLines(StringWriter out, int count) throws InterruptedException {
        long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (out.toString().lines().count() < count && System.nanoTime() < giveUp) {
            Thread.sleep(50);
        }
        assertThat(out.toString().lines()).as(out.toString()).hasSize(count);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.path("activationId").asText()));
        return ids;
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        int exitCode = new CommandLine(new FlightwatchCli()).setOut(new PrintWriter(out)).execute(args);
        assertThat(exitCode).as(out.toString()).isZero();
        return out.toString();
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
