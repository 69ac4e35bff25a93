package com.flightwatch.platform.activations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.cli.FlightwatchCli;
import com.flightwatch.platform.lambda.HandlerJars;
import com.flightwatch.platform.lambda.InvocationResult;
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
        InvocationResult cold = recorder.invoke("logger", bytes("\"first\""));
        InvocationResult warm = recorder.invoke("logger", bytes("\"second\""));

        JsonNode list = JSON.readTree(get("?function=logger&limit=10").body());

        assertThat(list).hasSize(2);
        assertThat(list.get(0).path("activationId").asText()).isEqualTo(warm.requestId());
        assertThat(list.get(0).has("initDuration")).isFalse();
        assertThat(list.get(1).path("activationId").asText()).isEqualTo(cold.requestId());
        assertThat(list.get(1).path("initDuration").asLong()).isPositive();
        assertThat(list.get(1).path("status").asText()).isEqualTo("SUCCESS");
        assertThat(list.get(1).path("trigger").asText()).isEqualTo("gateway");
        assertThat(list.get(1).path("function").asText()).isEqualTo("logger");
    }

    @Test
    void get_oneActivation_hasItsResultAndOnlyItsOwnLogs() throws Exception {
        InvocationResult result = recorder.invoke("logger", bytes("\"third\""));

        JsonNode activation = JSON.readTree(get("/" + result.requestId()).body());
        HttpResponse<String> logs = get("/" + result.requestId() + "/logs");

        assertThat(activation.path("result").asText()).isEqualTo(new String(result.payload(), StandardCharsets.UTF_8));
        assertThat(activation.path("duration").asLong()).isEqualTo(result.durationMillis());
        assertThat(logs.statusCode()).isEqualTo(200);
        assertThat(logs.body()).contains("stdout says third", "stderr says third", "logger says third")
                .doesNotContain("first", "second");
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
    }

    @Test
    void activationsCommand_listAndLogs_printTheRecordsOfTheRunningPlatform() {
        InvocationResult result = recorder.invoke("logger", bytes("\"from the cli\""));
        String controlUrl = baseUrl.substring(0, baseUrl.indexOf("/_platform"));

        String list = cli("activations", "list", "--function", "logger", "--control-url", controlUrl);
        String logs = cli("activations", "logs", result.requestId(), "--control-url", controlUrl);

        assertThat(list).contains(result.requestId(), "logger", "SUCCESS", "gateway").containsPattern("\\d+ activation\\(s\\)");
        assertThat(logs).contains("stdout says from the cli", "logger says from the cli");
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
