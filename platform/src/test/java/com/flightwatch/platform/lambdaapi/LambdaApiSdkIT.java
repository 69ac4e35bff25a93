package com.flightwatch.platform.lambdaapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.platform.activations.ActivationQuery;
import com.flightwatch.platform.activations.InMemoryActivationStore;
import com.flightwatch.platform.lambda.HandlerJars;
import com.flightwatch.platform.lambda.ProcessInvoker;
import com.flightwatch.platform.lambda.ThreadInvoker;
import com.flightwatch.platform.store.EmbeddedMariaDb;
import com.flightwatch.platform.store.PlatformDatabase;
import com.flightwatch.platform.store.TestMariaDb;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.PackageType;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

/**
 * Issue 3's SDK test: the AWS SDK v2 {@code LambdaClient}, pointed at the Lambda API with an
 * endpoint override, creates functions from jars built here, invokes them process-isolated in every
 * invocation type, reads, lists, updates and deletes them; the functions' configuration lives in
 * the real embedded MariaDB and comes back after a restart.
 */
class LambdaApiSdkIT {

    @TempDir
    static Path work;
    static EmbeddedMariaDb database;
    static HikariDataSource platformData;
    static Vertx vertx;
    static ProcessInvoker invoker;
    static InMemoryActivationStore activations = new InMemoryActivationStore(100);
    static LambdaApiServer server;
    static LambdaClient lambda;
    static byte[] handlers;
    static CreateFunctionResponse loggerCreated;

    @BeforeAll
    static void start() throws IOException {
        database = TestMariaDb.startFresh("lambda-api-sdk");
        platformData = PlatformDatabase.open(database.jdbcUrl(PlatformDatabase.DATABASE_NAME), EmbeddedMariaDb.USER,
                EmbeddedMariaDb.PASSWORD);
        handlers = Files.readAllBytes(HandlerJars.build(work, "handlers", Map.of(), "LoggingHandler", "FailingHandler",
                "EnvHandler"));
        vertx = Vertx.vertx();
        invoker = new ProcessInvoker(vertx, "us-east-1", 4);
        server = new LambdaApiServer(vertx, invoker, new JdbcFunctionStore(platformData), work.resolve("functions"), activations);
        lambda = server.lambda;
        loggerCreated = lambda.createFunction(create("sdk-logger", "example.LoggingHandler", handlers,
                request -> request.memorySize(256).timeout(10).description("logs and answers")
                        .environment(e -> e.variables(Map.of("GREETING", "hello")))));
    }

    @AfterAll
    static void stop() {
        server.close();
        invoker.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        platformData.close();
        database.close();
    }

    @Test
    void createFunction_jarUpload_answersItsConfiguration() {
        assertThat(loggerCreated.sdkHttpResponse().statusCode()).isEqualTo(201);
        assertThat(loggerCreated.functionName()).isEqualTo("sdk-logger");
        assertThat(loggerCreated.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:sdk-logger");
        assertThat(loggerCreated.runtime()).isEqualTo(Runtime.JAVA21);
        assertThat(loggerCreated.handler()).isEqualTo("example.LoggingHandler");
        assertThat(loggerCreated.memorySize()).isEqualTo(256);
        assertThat(loggerCreated.timeout()).isEqualTo(10);
        assertThat(loggerCreated.description()).isEqualTo("logs and answers");
        assertThat(loggerCreated.codeSize()).isEqualTo(handlers.length);
        assertThat(loggerCreated.codeSha256()).isEqualTo(sha256(handlers));
        assertThat(loggerCreated.version()).isEqualTo("$LATEST");
        assertThat(loggerCreated.state()).isEqualTo(State.ACTIVE);
        assertThat(loggerCreated.lastUpdateStatusAsString()).isEqualTo("Successful");
        assertThat(loggerCreated.packageType()).isEqualTo(PackageType.ZIP);
        assertThat(loggerCreated.architecturesAsStrings()).containsExactly("x86_64");
        assertThat(loggerCreated.environment().variables()).containsEntry("GREETING", "hello");
        assertThat(loggerCreated.lastModified()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
    }

    @Test
    void invoke_requestResponseWithLogTail_runsTheUploadedCodeAndReturnsItsLogs() {
        InvokeResponse response = lambda.invoke(request -> request.functionName("sdk-logger")
                .payload(SdkBytes.fromUtf8String("\"tail\"")).logType(LogType.TAIL));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isNull();
        assertThat(response.payload().asUtf8String()).contains("|sdk-logger|hello|256|sdk-logger|");
        assertThat(new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8))
                .contains("logger says tail");
    }

    @Test
    void invoke_event_answers202AndRunsTheFunctionAfterwards() throws InterruptedException {
        InvokeResponse response = lambda.invoke(request -> request.functionName("sdk-logger")
                .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("\"later\"")));

        assertThat(response.statusCode()).isEqualTo(202);
        long giveUp = System.nanoTime() + 30_000_000_000L;
        while (activationsWithLogs("later") == 0 && System.nanoTime() < giveUp) {
            Thread.sleep(50);
        }
        assertThat(activationsWithLogs("later")).isEqualTo(1);
    }

    @Test
    void invoke_dryRun_answers204WithoutRunning() {
        InvokeResponse response = lambda.invoke(request -> request.functionName("sdk-logger")
                .invocationType(InvocationType.DRY_RUN).payload(SdkBytes.fromUtf8String("\"dry\"")));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(activationsWithLogs("dry")).isZero();
    }

    @Test
    void invoke_handlerThrows_functionErrorUnhandledWithTheErrorDocument() {
        lambda.createFunction(create("sdk-failer", "example.FailingHandler", handlers, request -> { }));

        InvokeResponse response = lambda.invoke(request -> request.functionName("sdk-failer")
                .payload(SdkBytes.fromUtf8String("{\"reason\": \"sdk\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String()).contains("\"errorType\":\"java.lang.IllegalStateException\"")
                .contains("boom: sdk");
    }

    @Test
    void getFunction_created_answersConfigurationAndCodeLocation() {
        GetFunctionResponse response = lambda.getFunction(request -> request.functionName("sdk-logger"));

        assertThat(response.configuration().functionArn()).isEqualTo(loggerCreated.functionArn());
        assertThat(response.configuration().codeSha256()).isEqualTo(loggerCreated.codeSha256());
        assertThat(response.configuration().environment().variables()).containsEntry("GREETING", "hello");
        assertThat(response.code().location()).startsWith("file:").endsWith(".jar");
        assertThat(response.concurrency()).isNull();
        assertThat(lambda.getFunctionConfiguration(request -> request.functionName("sdk-logger")).handler())
                .isEqualTo("example.LoggingHandler");
    }

    @Test
    void listFunctions_onePerPage_pagesThroughEveryFunction() {
        lambda.createFunction(create("sdk-listed", "example.LoggingHandler", handlers, request -> { }));

        ListFunctionsResponse first = lambda.listFunctions(request -> request.maxItems(1));
        List<String> names = lambda.listFunctionsPaginator(request -> request.maxItems(1)).functions().stream()
                .map(FunctionConfiguration::functionName).toList();

        assertThat(first.functions()).hasSize(1);
        assertThat(first.nextMarker()).isNotNull();
        assertThat(names).contains("sdk-logger", "sdk-listed").doesNotHaveDuplicates().isSorted();
    }

    @Test
    void updateFunctionCode_newJar_theAnswerChanges() throws IOException {
        byte[] one = Files.readAllBytes(HandlerJars.build(work, "versioned-1", Map.of("@VERSION@", "one"), "Versioned"));
        byte[] two = Files.readAllBytes(HandlerJars.build(work, "versioned-2", Map.of("@VERSION@", "two"), "Versioned"));
        lambda.createFunction(create("sdk-versioned", "example.Versioned", one, request -> { }));
        assertThat(invoke("sdk-versioned", "\"v\"")).isEqualTo("\"one\"");

        UpdateFunctionCodeResponse updated = lambda.updateFunctionCode(request -> request.functionName("sdk-versioned")
                .zipFile(SdkBytes.fromByteArray(two)));

        assertThat(updated.codeSha256()).isEqualTo(sha256(two));
        assertThat(updated.codeSize()).isEqualTo(two.length);
        assertThat(invoke("sdk-versioned", "\"v\"")).isEqualTo("\"two\"");
    }

    @Test
    void updateFunctionConfiguration_environmentAndMemory_visibleToTheHandler() {
        lambda.createFunction(create("sdk-env", "example.EnvHandler", handlers,
                request -> request.environment(e -> e.variables(Map.of("COLOR", "red")))));
        assertThat(invoke("sdk-env", "\"COLOR\"")).isEqualTo("\"red|red\"");

        UpdateFunctionConfigurationResponse updated = lambda.updateFunctionConfiguration(request -> request
                .functionName("sdk-env").memorySize(512).timeout(20).environment(e -> e.variables(Map.of("COLOR", "blue"))));

        assertThat(updated.memorySize()).isEqualTo(512);
        assertThat(updated.timeout()).isEqualTo(20);
        assertThat(updated.environment().variables()).containsExactly(Map.entry("COLOR", "blue"));
        assertThat(invoke("sdk-env", "\"COLOR\"")).isEqualTo("\"blue|blue\"");
        assertThat(invoke("sdk-env", "\"AWS_LAMBDA_FUNCTION_MEMORY_SIZE\"")).isEqualTo("\"512|512\"");
    }

    @Test
    void deleteFunction_thenInvoke_resourceNotFound() {
        lambda.createFunction(create("sdk-doomed", "example.LoggingHandler", handlers, request -> { }));

        DeleteFunctionResponse deleted = lambda.deleteFunction(request -> request.functionName("sdk-doomed"));

        assertThat(deleted.sdkHttpResponse().statusCode()).isEqualTo(204);
        assertThatThrownBy(() -> invoke("sdk-doomed", "\"gone\""))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("function:sdk-doomed");
        assertThatThrownBy(() -> lambda.getFunction(request -> request.functionName("sdk-doomed")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(work.resolve("functions").resolve("sdk-doomed")).doesNotExist();
    }

    @Test
    void createFunction_nameTaken_resourceConflict() {
        assertThatThrownBy(() -> lambda.createFunction(create("sdk-logger", "example.LoggingHandler", handlers, request -> { })))
                .isInstanceOf(ResourceConflictException.class)
                .satisfies(e -> assertThat(((ResourceConflictException) e).statusCode()).isEqualTo(409));
    }

    @Test
    void createFunction_unsupportedRuntime_invalidParameterNamingRuntime() {
        assertThatThrownBy(() -> lambda.createFunction(create("sdk-python", "app.handler", handlers,
                request -> request.runtime(Runtime.PYTHON3_12))))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("Runtime")
                .satisfies(e -> assertThat(((InvalidParameterValueException) e).statusCode()).isEqualTo(400));
    }

    @Test
    void createFunction_codeIsNotAZip_invalidParameterNamingZipFile() {
        byte[] notAZip = "just text".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> lambda.createFunction(create("sdk-broken", "example.LoggingHandler", notAZip, request -> { })))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("Code.ZipFile");
        assertThatThrownBy(() -> lambda.getFunction(request -> request.functionName("sdk-broken")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void createdFunction_afterARestart_isRedeployedFromTheDatabase() {
        lambda.createFunction(create("sdk-durable", "example.EnvHandler", handlers,
                request -> request.environment(e -> e.variables(Map.of("KEPT", "yes")))));

        try (ThreadInvoker restartedHost = new ThreadInvoker();
             LambdaApiServer restarted = new LambdaApiServer(vertx, restartedHost, new JdbcFunctionStore(platformData),
                     work.resolve("functions"), new InMemoryActivationStore(10))) {
            GetFunctionResponse again = restarted.lambda.getFunction(request -> request.functionName("sdk-durable"));

            assertThat(restartedHost.functionNames()).contains("sdk-durable", "sdk-logger");
            assertThat(again.configuration().codeSha256()).isEqualTo(sha256(handlers));
            assertThat(again.configuration().environment().variables()).containsEntry("KEPT", "yes");
            assertThat(restarted.lambda.invoke(request -> request.functionName("sdk-durable")
                    .payload(SdkBytes.fromUtf8String("\"KEPT\""))).payload().asUtf8String()).isEqualTo("\"yes|yes\"");
        }
    }

    private static CreateFunctionRequest create(String name, String handler, byte[] code,
                                                Consumer<CreateFunctionRequest.Builder> more) {
        CreateFunctionRequest.Builder request = CreateFunctionRequest.builder().functionName(name).runtime(Runtime.JAVA21)
                .role("arn:aws:iam::000000000000:role/test").handler(handler)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(code)));
        more.accept(request);
        return request.build();
    }

    private static String invoke(String function, String payload) {
        return lambda.invoke(request -> request.functionName(function).payload(SdkBytes.fromUtf8String(payload)))
                .payload().asUtf8String();
    }

    private static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lists return records without their logs (as OpenWhisk's do): each is read in full by id. */
    private static long activationsWithLogs(String text) {
        return activations.list(new ActivationQuery("sdk-logger", null, 100)).stream()
                .map(summary -> activations.find(summary.activationId()).orElseThrow())
                .filter(a -> a.logs().contains("says " + text) && a.trigger().equals("lambda-api")).count();
    }
}
