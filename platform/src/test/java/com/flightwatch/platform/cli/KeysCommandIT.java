package com.flightwatch.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.gateway.ApiKeyAdmin;
import com.flightwatch.platform.gateway.ApiKeys;
import com.flightwatch.platform.gateway.KeyRoutes;
import com.flightwatch.platform.gateway.ResolvedApiKey;
import com.flightwatch.platform.store.EmbeddedMariaDb;
import com.flightwatch.platform.store.PlatformDatabase;
import com.flightwatch.platform.store.TestMariaDb;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code flightwatch keys} against the control plane's {@code /_platform/keys} over HTTP, on a real embedded MariaDB. */
class KeysCommandIT {

    private static EmbeddedMariaDb db;
    private static HikariDataSource data;
    private static Vertx vertx;
    private static HttpServer server;
    private static String controlUrl;

    @BeforeAll
    static void start() {
        db = TestMariaDb.startFresh("keys-command");
        data = PlatformDatabase.open(db.jdbcUrl(PlatformDatabase.DATABASE_NAME), EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD);
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new KeyRoutes(vertx, new ApiKeyAdmin(data), "Cli", List.of("Standard")).mount(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
        controlUrl = "http://127.0.0.1:" + server.actualPort();
    }

    @AfterAll
    static void stop() {
        server.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        data.close();
        db.close();
    }

    @Test
    void create_thenUseListAndDisable_printsTheValueOnceAndTheKeyStopsWorking() {
        Run created = run("keys", "create", "partner", "--control-url", controlUrl);
        assertThat(created.exit()).isZero();
        Matcher value = Pattern.compile("x-api-key: ([A-Za-z0-9]{40})").matcher(created.out());
        assertThat(value.find()).as(created.out()).isTrue();
        assertThat(new ApiKeys(data).findByValue(value.group(1)).map(ResolvedApiKey::usagePlanId)).contains("Standard");

        Run listed = run("keys", "list", "--control-url", controlUrl);
        assertThat(listed.out()).contains("partner").contains("enabled").contains("Standard")
                .doesNotContain(value.group(1));

        assertThat(run("keys", "disable", "partner", "--control-url", controlUrl).exit()).isZero();
        assertThat(new ApiKeys(data).findByValue(value.group(1)).map(ResolvedApiKey::enabled)).contains(false);
    }

    @Test
    void create_nameTakenOrUnknownPlan_failsSayingWhy() {
        run("keys", "create", "twice", "--control-url", controlUrl);

        Run again = run("keys", "create", "twice", "--control-url", controlUrl);
        Run unknownPlan = run("keys", "create", "other", "--usage-plan", "Gold", "--control-url", controlUrl);

        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("409").contains("already has an API key named twice");
        assertThat(unknownPlan.err()).contains("400").contains("usagePlanId: one of [Standard]");
    }

    @Test
    void disable_unknownKey_failsWith404() {
        Run run = run("keys", "disable", "nobody", "--control-url", controlUrl);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("404").contains("has no API key nobody");
    }

    private record Run(int exit, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new FlightwatchCli()).execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
