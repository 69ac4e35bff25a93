package com.flightwatch.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.cli.FlightwatchCli;
import com.flightwatch.platform.control.ControlPlane;
import com.flightwatch.platform.control.ControlPlaneSettings;
import com.flightwatch.platform.sns.RecordingInvoker;
import com.flightwatch.platform.sns.SnsService;
import com.flightwatch.platform.sns.SnsSettings;
import com.flightwatch.platform.store.EmbeddedMariaDb;
import com.flightwatch.platform.store.PlatformDatabase;
import com.flightwatch.platform.store.TestMariaDb;
import com.flightwatch.platform.stack.ScheduleSpec;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code /_platform/schedules} and {@code flightwatch schedules} on a real control plane (over a
 * real embedded MariaDB), with a recording invoker as the functions.
 */
class ScheduleRoutesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ScheduleSpec SWEEP = new ScheduleSpec("SweeperSchedule1234", "App-SweeperSchedule-ABC",
            "rate(1 hour)", true, List.of(new ScheduleSpec.Target("sweeper", null), new ScheduleSpec.Target("audit", "{\"full\":true}")));
    private static final ScheduleSpec PAUSED = new ScheduleSpec("PausedRule", "paused-rule", "cron(0 3 * * ? *)", false,
            List.of(new ScheduleSpec.Target("nightly", null)));

    private static final RecordingInvoker invoker = new RecordingInvoker();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static EmbeddedMariaDb database;
    private static HikariDataSource dataSource;
    private static SnsService sns;
    private static Vertx vertx;
    private static ControlPlane controlPlane;
    private static Scheduler scheduler;
    private static String baseUrl;

    @BeforeAll
    static void startControlPlane() {
        database = TestMariaDb.startFresh("schedule-routes");
        dataSource = PlatformDatabase.open(database.jdbcUrl(PlatformDatabase.DATABASE_NAME), EmbeddedMariaDb.USER,
                EmbeddedMariaDb.PASSWORD);
        sns = new SnsService(dataSource, invoker, SnsSettings.defaults());
        vertx = Vertx.vertx();
        controlPlane = new ControlPlane(vertx, sns, new ControlPlaneSettings("127.0.0.1", 0));
        scheduler = new Scheduler(invoker, List.of(SWEEP, PAUSED), "us-east-1", Clock.systemUTC());
        new ScheduleRoutes(vertx, scheduler).mount(controlPlane.router());
        baseUrl = "http://127.0.0.1:" + controlPlane.start();
        scheduler.start();
    }

    @AfterAll
    static void stop() {
        scheduler.close();
        controlPlane.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        sns.close();
        dataSource.close();
        database.close();
    }

    @Test
    void list_givesEachRuleWithTargetsAndNextFireTime() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/_platform/schedules")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode rules = JSON.readTree(response.body());
        assertThat(rules).hasSize(2);
        JsonNode sweep = rules.get(0);
        assertThat(sweep.path("logicalId").asText()).isEqualTo("SweeperSchedule1234");
        assertThat(sweep.path("name").asText()).isEqualTo("App-SweeperSchedule-ABC");
        assertThat(sweep.path("expression").asText()).isEqualTo("rate(1 hour)");
        assertThat(sweep.path("targets").findValuesAsText("function")).containsExactly("sweeper", "audit");
        assertThat(Instant.parse(sweep.path("nextFire").asText())).isAfter(Instant.now().plusSeconds(3500));
        assertThat(rules.get(1).path("enabled").asBoolean()).isFalse();
        assertThat(rules.get(1).path("nextFire").isNull()).as("a disabled rule never fires").isTrue();
    }

    @Test
    void run_byName_invokesEveryTargetNowAndAnswersTheirRequestIds() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create(baseUrl + "/_platform/schedules/App-SweeperSchedule-ABC/run")).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode invocations = JSON.readTree(response.body()).path("invocations");
        assertThat(invocations.findValuesAsText("function")).containsExactly("sweeper", "audit");
        assertThat(invocations.findValuesAsText("status")).containsOnly("SUCCESS");
        assertThat(invocations.findValuesAsText("requestId")).allMatch(id -> !id.isBlank());
        assertThat(invoker.next("sweeper", 5).eventJson()).contains("Scheduled Event");
        assertThat(invoker.next("audit", 5).eventJson()).isEqualTo("{\"full\":true}");
    }

    @Test
    void run_withUnknownName_is404NamingTheKnownRules() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create(baseUrl + "/_platform/schedules/nope/run")).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).path("message").asText()).contains("nope").contains("paused-rule");
    }

    @Test
    void cli_schedulesRunAndList_printTheInvocationsAndTheRules() throws Exception {
        invoker.failNext("nightly", 1);

        CliRun run = cli("schedules", "run", "PausedRule", "--control-url", baseUrl);
        CliRun list = cli("schedules", "list", "--control-url", baseUrl);

        assertThat(run.exitCode()).as("a failed target fails the command").isEqualTo(1);
        assertThat(run.out()).contains("nightly").contains("Fired paused-rule: 1 target(s)");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("App-SweeperSchedule-ABC").contains("rate(1 hour)").contains("sweeper,audit")
                .contains("(disabled)").contains("2 schedule(s)");
        assertThat(invoker.next("nightly", 5)).isNotNull();
    }

    @Test
    void cli_schedulesRun_withoutPlatform_saysNoneAnswers() {
        CliRun run = cli("schedules", "run", "x", "--control-url", "http://127.0.0.1:1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("No platform answers");
    }

    /** What a user of {@code flightwatch} would see. */
    private record CliRun(int exitCode, String out, String err) {
    }

    private static CliRun cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new FlightwatchCli()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
