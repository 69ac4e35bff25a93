package com.flightwatch.platform.lambdaapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.platform.activations.ActivationQuery;
import com.flightwatch.platform.activations.ActivationRecorder;
import com.flightwatch.platform.activations.InMemoryActivationStore;
import com.flightwatch.platform.cli.FlightwatchCli;
import com.flightwatch.platform.lambda.HandlerJars;
import com.flightwatch.platform.lambda.ProcessInvoker;
import com.flightwatch.platform.stack.FunctionSpec;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The Lambda API's Invoke, driven by the AWS SDK v2 {@code LambdaClient}, on process-isolated functions. */
class LambdaApiIT {

    @TempDir
    static Path jars;
    static Vertx vertx;
    static ProcessInvoker invoker;
    static InMemoryActivationStore activations = new InMemoryActivationStore(100);
    static HttpServer server;
    static LambdaClient lambda;

    @BeforeAll
    static void start() throws Exception {
        Path handlers = HandlerJars.build(jars, "handlers", Map.of(), "LoggingHandler", "FailingHandler");
        vertx = Vertx.vertx();
        invoker = new ProcessInvoker(vertx, "us-east-1", 2);
        invoker.deploy(new FunctionSpec("LoggerFunction", "logger", "example.LoggingHandler", "java21", 128, 5, Map.of(), handlers));
        invoker.deploy(new FunctionSpec("FailerFunction", "failer", "example.FailingHandler", "java21", 128, 5, Map.of(), handlers));
        Router router = Router.router(vertx);
        new LambdaApiRoutes(vertx, invoker,
                new ActivationRecorder(invoker, activations, ActivationRecorder.LAMBDA_API, Clock.systemUTC())).mount(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get();
        lambda = LambdaClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.actualPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @AfterAll
    static void stop() {
        lambda.close();
        invoker.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void invoke_requestResponseWithLogTail_returnsThePayloadAndTheLogsTail() {
        InvokeResponse response = lambda.invoke(request -> request.functionName("logger")
                .payload(SdkBytes.fromUtf8String("\"hi\"")).logType(LogType.TAIL));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isNull();
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
        assertThat(response.payload().asUtf8String()).contains("|logger|");
        assertThat(new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8))
                .contains("stdout says hi", "logger says hi");
    }

    @Test
    void invoke_handlerThrows_functionErrorUnhandledWithLambdasErrorDocument() {
        InvokeResponse response = lambda.invoke(request -> request.functionName(
                "arn:aws:lambda:us-east-1:000000000000:function:failer").payload(SdkBytes.fromUtf8String("{\"reason\": \"r\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String()).contains("\"errorType\":\"java.lang.IllegalStateException\"")
                .contains("boom: r");
    }

    @Test
    void invoke_eventType_answers202AndRecordsTheActivationOnceItRan() throws InterruptedException {
        InvokeResponse response = lambda.invoke(request -> request.functionName("logger")
                .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("\"later\"")));

        assertThat(response.statusCode()).isEqualTo(202);
        long giveUp = System.nanoTime() + 10_000_000_000L;
        while (activationsWithLogs("later") == 0 && System.nanoTime() < giveUp) {
            Thread.sleep(50);
        }
        assertThat(activationsWithLogs("later")).isEqualTo(1);
    }

    @Test
    void invoke_dryRun_answers204WithoutRunning() {
        InvokeResponse response = lambda.invoke(request -> request.functionName("logger")
                .invocationType(InvocationType.DRY_RUN).payload(SdkBytes.fromUtf8String("\"dry\"")));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(activationsWithLogs("dry")).isZero();
    }

    @Test
    void invoke_unknownFunction_resourceNotFound() {
        assertThatThrownBy(() -> lambda.invoke(request -> request.functionName("nope").payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(((ResourceNotFoundException) e).statusCode()).isEqualTo(404));
    }

    @Test
    void invokeCommand_withLogs_printsTheResultAndTheLogTail() {
        StringWriter out = new StringWriter();

        int exitCode = new CommandLine(new FlightwatchCli()).setOut(new PrintWriter(out)).execute("invoke", "logger",
                "--payload", "\"cli\"", "--logs", "--control-url", "http://127.0.0.1:" + server.actualPort());

        assertThat(exitCode).as(out.toString()).isZero();
        assertThat(out.toString()).contains("|logger|", "stdout says cli");
    }

    private static long activationsWithLogs(String text) {
        return activations.list(new ActivationQuery("logger", null, 100)).stream()
                .filter(a -> a.logs().contains("says " + text) && a.trigger().equals("lambda-api")).count();
    }
}
