package com.flightwatch.platform.lambdaapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.platform.activations.ActivationQuery;
import com.flightwatch.platform.activations.InMemoryActivationStore;
import com.flightwatch.platform.cli.FlightwatchCli;
import com.flightwatch.platform.lambda.HandlerJars;
import com.flightwatch.platform.lambda.ProcessInvoker;
import com.flightwatch.platform.stack.FunctionSpec;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** The Lambda API's Invoke (and its 429 and 413 answers), driven by the AWS SDK v2 {@code LambdaClient}, on process-isolated functions. */
class LambdaApiIT {

    /** Instances per function: the 429 test saturates it. */
    static final int LIMIT = 2;

    @TempDir
    static Path jars;
    static Vertx vertx;
    static ProcessInvoker invoker;
    static InMemoryActivationStore activations = new InMemoryActivationStore(100);
    static LambdaApiServer server;
    static LambdaClient lambda;

    @BeforeAll
    static void start() throws Exception {
        Path handlers = HandlerJars.build(jars, "handlers", Map.of(), "LoggingHandler", "FailingHandler", "SlowHandler");
        vertx = Vertx.vertx();
        invoker = new ProcessInvoker(vertx, "us-east-1", LIMIT);
        invoker.deploy(new FunctionSpec("LoggerFunction", "logger", "example.LoggingHandler", "java21", 128, 5, Map.of(), handlers));
        invoker.deploy(new FunctionSpec("FailerFunction", "failer", "example.FailingHandler", "java21", 128, 5, Map.of(), handlers));
        invoker.deploy(new FunctionSpec("SlowFunction", "slow", "example.SlowHandler", "java21", 128, 30, Map.of(), handlers));
        server = new LambdaApiServer(vertx, invoker, new InMemoryFunctionStore(), jars.resolve("functions"), activations);
        lambda = server.lambda;
    }

    @AfterAll
    static void stop() {
        server.close();
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
    void invoke_oneCallMoreThanTheConcurrencyLimit_thatOneIsTooManyRequests() throws Exception {
        int calls = LIMIT + 1;
        ExecutorService callers = Executors.newFixedThreadPool(calls);
        CyclicBarrier together = new CyclicBarrier(calls);
        try {
            List<Future<InvokeResponse>> answers = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                answers.add(callers.submit(() -> {
                    together.await();
                    return lambda.invoke(request -> request.functionName("slow")
                            .payload(SdkBytes.fromUtf8String("{\"millis\": 6000}")));
                }));
            }
            List<String> results = new ArrayList<>();
            List<TooManyRequestsException> throttled = new ArrayList<>();
            for (Future<InvokeResponse> answer : answers) {
                try {
                    results.add(answer.get(60, TimeUnit.SECONDS).payload().asUtf8String());
                } catch (ExecutionException e) {
                    throttled.add((TooManyRequestsException) e.getCause());
                }
            }

            assertThat(results).hasSize(LIMIT).containsOnly("\"slept\"");
            assertThat(throttled).singleElement().satisfies(e -> {
                assertThat(e.statusCode()).isEqualTo(429);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TooManyRequestsException");
            });
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void invoke_eventPayloadOver256Kb_requestEntityTooLarge() {
        String big = "\"" + "x".repeat(InvokeRoutes.MAX_EVENT_PAYLOAD_BYTES) + "\"";

        assertThatThrownBy(() -> lambda.invoke(request -> request.functionName("logger")
                .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String(big))))
                .isInstanceOf(LambdaException.class)
                .satisfies(e -> {
                    assertThat(((LambdaException) e).statusCode()).isEqualTo(413);
                    assertThat(((LambdaException) e).awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
                    assertThat(((LambdaException) e).awsErrorDetails().errorMessage())
                            .isEqualTo(big.length() + " byte payload is too large for the Event invocation type (limit 262144 bytes)");
                });
    }

    @Test
    void invoke_payloadOver6Mb_requestEntityTooLarge() {
        String big = "\"" + "x".repeat(InvokeRoutes.MAX_PAYLOAD_BYTES) + "\"";

        assertThatThrownBy(() -> lambda.invoke(request -> request.functionName("logger").payload(SdkBytes.fromUtf8String(big))))
                .isInstanceOf(LambdaException.class)
                .satisfies(e -> {
                    assertThat(((LambdaException) e).statusCode()).isEqualTo(413);
                    assertThat(((LambdaException) e).awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
                    assertThat(((LambdaException) e).awsErrorDetails().errorMessage())
                            .isEqualTo("Request must be smaller than 6291456 bytes for the InvokeFunction operation");
                });
    }

    @Test
    void invokeCommand_withLogs_printsTheResultAndTheLogTail() {
        StringWriter out = new StringWriter();

        int exitCode = new CommandLine(new FlightwatchCli()).setOut(new PrintWriter(out)).execute("invoke", "logger",
                "--payload", "\"cli\"", "--logs", "--control-url", server.url());

        assertThat(exitCode).as(out.toString()).isZero();
        assertThat(out.toString()).contains("|logger|", "stdout says cli");
    }

    /** Lists return records without their logs (as OpenWhisk's do): each is read in full by id. */
    private static long activationsWithLogs(String text) {
        return activations.list(new ActivationQuery("logger", null, 100)).stream()
                .map(summary -> activations.find(summary.activationId()).orElseThrow())
                .filter(a -> a.logs().contains("says " + text) && a.trigger().equals("lambda-api")).count();
    }
}
