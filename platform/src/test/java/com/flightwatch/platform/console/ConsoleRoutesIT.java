package com.flightwatch.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.Platform;
import com.flightwatch.platform.activations.ActivationRecorder;
import com.flightwatch.platform.activations.InMemoryActivationStore;
import com.flightwatch.platform.control.ControlPlane;
import com.flightwatch.platform.control.ControlPlaneSettings;
import com.flightwatch.platform.gateway.ApiKeyAdmin;
import com.flightwatch.platform.gateway.ApiKeys;
import com.flightwatch.platform.gateway.JdbcQuotaStore;
import com.flightwatch.platform.gateway.QuotaUsageKey;
import com.flightwatch.platform.lambda.HandlerJars;
import com.flightwatch.platform.lambda.ThreadInvoker;
import com.flightwatch.platform.sns.SnsService;
import com.flightwatch.platform.sns.SnsSettings;
import com.flightwatch.platform.stack.ApiKeySpec;
import com.flightwatch.platform.stack.ApiSpec;
import com.flightwatch.platform.stack.FunctionSpec;
import com.flightwatch.platform.stack.QuotaSpec;
import com.flightwatch.platform.stack.StackSpec;
import com.flightwatch.platform.stack.ThrottleSpec;
import com.flightwatch.platform.stack.UsagePlanSpec;
import com.flightwatch.platform.store.EmbeddedMariaDb;
import com.flightwatch.platform.store.PlatformDatabase;
import com.flightwatch.platform.store.TestMariaDb;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's routes on a real control plane over the embedded MariaDB: the page at {@code GET /}
 * beside the SNS Query API's GET form, and the JSON the page reads, with secrets masked.
 */
class ConsoleRoutesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STACK = "console-stack";
    private static final QuotaSpec QUOTA = new QuotaSpec(100, QuotaSpec.Period.DAY, 0);

    @TempDir
    static Path jars;
    static EmbeddedMariaDb db;
    static HikariDataSource data;
    static Vertx vertx;
    static ThreadInvoker invoker;
    static SnsService sns;
    static ControlPlane control;
    static String baseUrl;
    static String keyValue;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        Path handlers = HandlerJars.build(jars, "handlers", Map.of(), "FailingHandler");
        db = TestMariaDb.startFresh("console");
        data = PlatformDatabase.open(db.jdbcUrl(PlatformDatabase.DATABASE_NAME), EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD);
        vertx = Vertx.vertx();
        invoker = new ThreadInvoker("us-east-1", 2);
        invoker.deploy(new FunctionSpec("FailerFunction", "failer", "example.FailingHandler", "java21", 256, 5,
                Map.of("DB_PASSWORD", "s3cret-pw", "TABLE_NAME", "alerts"), handlers));
        InMemoryActivationStore activations = new InMemoryActivationStore(100);
        new ActivationRecorder(invoker, activations, ActivationRecorder.GATEWAY, Clock.systemUTC())
                .invoke("failer", "{\"reason\": \"test\"}".getBytes(StandardCharsets.UTF_8));

        ApiKeySpec key = new ApiKeySpec("ClientKey", "client", null, true);
        UsagePlanSpec plan = new UsagePlanSpec("BasicPlan", "basic", new ThrottleSpec(5, 10), Map.of(), QUOTA,
                List.of("ClientKey"));
        ApiSpec api = new ApiSpec("LibraryApi", "library", ApiRoutesReaderTest.OPEN_API, "prod", List.of(key),
                List.of(plan), Map.of());
        keyValue = new ApiKeys(data).ensure(STACK, List.of(key)).get(0).value();
        JdbcQuotaStore quotas = new JdbcQuotaStore(data);
        quotas.add(Map.of(new QuotaUsageKey(STACK, "BasicPlan", "ClientKey", QuotaWindow.of(QUOTA, Instant.now()).start()), 7L));

        sns = new SnsService(data, invoker, SnsSettings.defaults());
        sns.start();
        control = new ControlPlane(vertx, sns, new ControlPlaneSettings("127.0.0.1", 0));
        StackSpec stack = new StackSpec(STACK, List.of(), List.of(), List.of(), List.of(api), List.of());
        new ConsoleRoutes(vertx, new ConsoleSources(stack, invoker, activations, sns, new ApiKeyAdmin(data), quotas,
                () -> List.of(new Platform.RunningApi(api, "http://127.0.0.1:3999", List.of())))).mount(control.router());
        baseUrl = "http://127.0.0.1:" + control.start();
    }

    @AfterAll
    static void stop() {
        control.close();
        sns.close();
        invoker.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        data.close();
        db.close();
    }

    @Test
    void get_rootWithoutAction_servesTheConsolePage() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<title>Flightwatch platform console</title>", "/console/app.js");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get(InstanceOfAssertFactories.STRING)
                .contains("default-src 'self'", "frame-ancestors 'none'");
    }

    @Test
    void get_rootWithAction_isStillTheSnsQueryApi() throws Exception {
        HttpResponse<String> topics = get("/?Action=ListTopics");

        assertThat(topics.statusCode()).isEqualTo(200);
        assertThat(topics.headers().firstValue("Content-Type")).hasValue("text/xml");
        assertThat(topics.body()).contains("<ListTopicsResponse");
    }

    @Test
    void get_consoleFile_servesTheModuleAndRefusesOtherNames() throws Exception {
        HttpResponse<String> module = get("/console/activations.js");
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");

        assertThat(get("/console/missing.js").statusCode()).isEqualTo(404);
        assertThat(get("/console/..%2Flogback-test.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void functions_afterAFailedInvocation_showsInstanceAndErrorWithSecretsHidden() throws Exception {
        JsonNode failer = json("/_platform/console/functions").get(0);

        assertThat(failer.path("name").asText()).isEqualTo("failer");
        assertThat(failer.path("handler").asText()).isEqualTo("example.FailingHandler");
        assertThat(failer.path("memoryMb").asInt()).isEqualTo(256);
        assertThat(failer.path("instances").asInt()).isEqualTo(1);
        assertThat(failer.path("recentActivations").asInt()).isEqualTo(1);
        assertThat(failer.path("recentErrorCount").asInt()).isEqualTo(1);
        assertThat(failer.path("recentErrors").get(0).path("status").asText()).isEqualTo("FUNCTION_ERROR");
        assertThat(failer.path("recentErrors").get(0).path("errorMessage").asText()).contains("boom: test");
        assertThat(failer.path("environment").path("TABLE_NAME").asText()).isEqualTo("alerts");
        assertThat(failer.path("environment").path("DB_PASSWORD").asText()).isEqualTo(Masking.HIDDEN);
        assertThat(failer.toString()).doesNotContain("s3cret-pw");
    }

    @Test
    void topics_withALambdaSubscription_listsItUnderItsTopic() throws Exception {
        String topicArn = sns.createTopic("console-orders");
        String subscriptionArn = sns.subscribe(topicArn, "lambda", "arn:aws:lambda:us-east-1:000000000000:function:failer");

        JsonNode topic = null;
        for (JsonNode candidate : json("/_platform/console/topics")) {
            if (candidate.path("topicArn").asText().equals(topicArn)) {
                topic = candidate;
            }
        }

        assertThat(topic).isNotNull();
        assertThat(topic.path("name").asText()).isEqualTo("console-orders");
        assertThat(topic.path("deadLetters").asInt()).isZero();
        assertThat(topic.path("subscriptions")).hasSize(1);
        assertThat(topic.path("subscriptions").get(0).path("subscriptionArn").asText()).isEqualTo(subscriptionArn);
        assertThat(topic.path("subscriptions").get(0).path("protocol").asText()).isEqualTo("lambda");
    }

    @Test
    void api_withAKeyInAPlan_listsRoutesAndUsageWithTheKeyMasked() throws Exception {
        HttpResponse<String> answer = get("/_platform/console/api");
        JsonNode api = JSON.readTree(answer.body()).get(0);

        assertThat(answer.body()).doesNotContain(keyValue);
        assertThat(api.path("url").asText()).isEqualTo("http://127.0.0.1:3999");
        assertThat(api.path("routes")).hasSize(3);
        assertThat(api.path("routes").get(0).path("function").asText()).isEqualTo("library-fn");
        assertThat(api.path("usagePlans").get(0).path("quota").path("limit").asLong()).isEqualTo(100);
        JsonNode key = api.path("keys").get(0);
        assertThat(key.path("id").asText()).isEqualTo("ClientKey");
        assertThat(key.path("value").asText()).isEqualTo(keyValue.substring(0, 4) + Masking.HIDDEN);
        assertThat(key.path("usage").path("used").asLong()).isEqualTo(7);
        assertThat(key.path("usage").path("remaining").asLong()).isEqualTo(93);
        assertThat(key.path("usage").path("period").asText()).isEqualTo("DAY");
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
