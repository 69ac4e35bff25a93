package com.flightwatch.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.platform.activations.ActivationRecorder;
import com.flightwatch.platform.activations.ActivationRoutes;
import com.flightwatch.platform.activations.InMemoryActivationStore;
import com.flightwatch.platform.control.ControlPlane;
import com.flightwatch.platform.control.ControlPlaneSettings;
import com.flightwatch.platform.lambda.ThreadInvoker;
import com.flightwatch.platform.lambdaapi.FunctionCatalog;
import com.flightwatch.platform.lambdaapi.FunctionCodeStore;
import com.flightwatch.platform.lambdaapi.InMemoryFunctionStore;
import com.flightwatch.platform.lambdaapi.LambdaApiRoutes;
import com.flightwatch.platform.sns.RecordingInvoker;
import com.flightwatch.platform.sns.SnsService;
import com.flightwatch.platform.sns.SnsSettings;
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
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The control plane with signatures required (forced on loopback, as it is off loopback): the SDK v2
 * clients pass with the right credentials and get AWS's own errors with a wrong secret or an
 * unknown key; unsigned requests are refused; /_platform takes HTTP Basic; too-large bodies are
 * refused before they are read.
 */
class ControlPlaneSignaturesIT {

    static final AccessCredentials OPERATOR = new AccessCredentials("AKIDFLIGHTWATCHTEST", "the-operators-secret");

    @TempDir
    static Path work;
    static EmbeddedMariaDb database;
    static HikariDataSource data;
    static SnsService sns;
    static Vertx vertx;
    static ThreadInvoker functions;
    static ControlPlane control;
    static String url;
    /** The same routes on a control plane as it is on loopback by default: open. */
    static ControlPlane open;
    static String openUrl;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        database = TestMariaDb.startFresh("control-plane-signatures");
        data = PlatformDatabase.open(database.jdbcUrl(PlatformDatabase.DATABASE_NAME), EmbeddedMariaDb.USER,
                EmbeddedMariaDb.PASSWORD);
        sns = new SnsService(data, new RecordingInvoker(), SnsSettings.defaults());
        sns.start();
        vertx = Vertx.vertx();
        ControlPlaneAccess access = ControlPlaneAccess.decide("127.0.0.1",
                SecuritySettings.none().withCredentials(OPERATOR).requiringSignatures(), "us-east-1", Clock.systemUTC());
        control = new ControlPlane(vertx, sns, new ControlPlaneSettings("127.0.0.1", 0), access.guard().orElseThrow());
        functions = new ThreadInvoker();
        InMemoryActivationStore activations = new InMemoryActivationStore(100);
        FunctionCatalog catalog = new FunctionCatalog(functions, new InMemoryFunctionStore(),
                new FunctionCodeStore(work.resolve("functions")), "us-east-1", Clock.systemUTC());
        new LambdaApiRoutes(vertx, functions, new ActivationRecorder(functions, activations,
                ActivationRecorder.LAMBDA_API, Clock.systemUTC()), catalog).mount(control.router());
        new ActivationRoutes(vertx, activations).mount(control.router());
        url = "http://127.0.0.1:" + control.start();
        open = new ControlPlane(vertx, sns, new ControlPlaneSettings("127.0.0.1", 0));
        new LambdaApiRoutes(vertx, functions, new ActivationRecorder(functions, activations,
                ActivationRecorder.LAMBDA_API, Clock.systemUTC()), catalog).mount(open.router());
        openUrl = "http://127.0.0.1:" + open.start();
    }

    @AfterAll
    static void stop() {
        control.close();
        open.close();
        functions.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        sns.close();
        data.close();
        database.close();
    }

    static SnsClient sns(String keyId, String secret) {
        return SnsClient.builder().endpointOverride(URI.create(url)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    static LambdaClient lambda(String keyId, String secret) {
        return LambdaClient.builder().endpointOverride(URI.create(url)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @Test
    void snsClient_withTheRightCredentials_createsPublishesAndLists() {
        try (SnsClient client = sns(OPERATOR.accessKeyId(), OPERATOR.secretAccessKey())) {
            String topicArn = client.createTopic(r -> r.name("signed-topic")).topicArn();
            client.publish(r -> r.topicArn(topicArn).message("a body the signature covers: åäö & = +"));

            assertThat(client.listTopics().topics()).anySatisfy(topic -> assertThat(topic.topicArn()).isEqualTo(topicArn));
        }
    }

    @Test
    void snsClient_withAWrongSecret_getsSignatureDoesNotMatch() {
        try (SnsClient client = sns(OPERATOR.accessKeyId(), "not-the-secret")) {
            assertThatThrownBy(client::listTopics).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                assertThat(e.awsErrorDetails().errorMessage()).startsWith("The request signature we calculated");
            });
        }
    }

    @Test
    void snsClient_withAnUnknownKeyId_getsInvalidClientTokenId() {
        try (SnsClient client = sns("AKIDSTRANGER", OPERATOR.secretAccessKey())) {
            assertThatThrownBy(client::listTopics).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The security token included in the request is invalid.");
            });
        }
    }

    @Test
    void lambdaClient_withTheRightCredentials_listsAndReachesInvoke() {
        try (LambdaClient client = lambda(OPERATOR.accessKeyId(), OPERATOR.secretAccessKey())) {
            assertThat(client.listFunctions().functions()).isEmpty();
            // The signature over the payload passed: the answer is about the function, not the caller.
            assertThatThrownBy(() -> client.invoke(r -> r.functionName("arn:aws:lambda:us-east-1:000000000000:function:nope")
                    .payload(SdkBytes.fromUtf8String("{\"signed\": true}"))))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void lambdaClient_withAWrongSecret_getsInvalidSignatureException() {
        try (LambdaClient client = lambda(OPERATOR.accessKeyId(), "not-the-secret")) {
            assertThatThrownBy(() -> client.invoke(r -> r.functionName("any").payload(SdkBytes.fromUtf8String("{}"))))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                    });
        }
    }

    @Test
    void lambdaClient_withAnUnknownKeyId_getsUnrecognizedClientException() {
        try (LambdaClient client = lambda("AKIDSTRANGER", OPERATOR.secretAccessKey())) {
            assertThatThrownBy(client::listFunctions).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The security token included in the request is invalid.");
            });
        }
    }

    @Test
    void post_snsWithoutAuthorization_answers403MissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=ListTopics&Version=2010-03-31")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>MissingAuthenticationToken</Code>")
                .contains("<Message>Request is missing Authentication Token</Message>");
    }

    @Test
    void post_invokeWithoutAuthorization_answers403MissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url + "/2015-03-31/functions/f/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
        assertThat(response.body()).contains("\"message\":\"Missing Authentication Token\"");
    }

    @Test
    void get_platformRouteWithoutCredentials_asksForBasic() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url + "/_platform/activations")).GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic realm="));
    }

    @Test
    void get_platformRouteWithBasicCredentials_answers() throws Exception {
        HttpResponse<String> right = send(HttpRequest.newBuilder(URI.create(url + "/_platform/activations"))
                .header("Authorization", basic(OPERATOR.accessKeyId(), OPERATOR.secretAccessKey())).GET());
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(URI.create(url + "/_platform/activations"))
                .header("Authorization", basic(OPERATOR.accessKeyId(), "guess")).GET());

        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("guess").doesNotContain(OPERATOR.secretAccessKey());
    }

    @Test
    void get_healthWithoutCredentials_answers() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url + "/_platform/health")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void get_confirmSubscriptionWithoutAuthorization_reachesSnsWhichJudgesTheToken() throws Exception {
        // An http subscriber GETs its SubscribeURL unsigned, as on SNS: the token is the credential.
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url + "/?Action=ConfirmSubscription"
                + "&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A000000000000%3Anone&Token=not-a-token")).GET());

        assertThat(response.statusCode()).isNotIn(401, 403);
        assertThat(response.body()).contains("<ErrorResponse").doesNotContain("Authentication");
    }

    @Test
    void get_anyOtherSnsActionWithoutAuthorization_answers403() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url + "/?Action=ListTopics")).GET());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>MissingAuthenticationToken</Code>");
    }

    @Test
    void post_invokeDeclaringMoreThanSixMegabytes_answers413BeforeTheBodyIsSent() throws Exception {
        String response = RawRequests.headersThenWait(url, "POST", "/2015-03-31/functions/f/invocations",
                RawRequests.wellFormedSignature(OPERATOR.accessKeyId(), "lambda"), 7L * 1024 * 1024);

        assertThat(response).startsWith("HTTP/1.1 413").contains("RequestEntityTooLargeException");
    }

    @Test
    void post_invokeOnAnOpenControlPlaneDeclaringSevenMegabytes_answers413BeforeTheBodyIsSent() throws Exception {
        String invoke = RawRequests.headersThenWait(openUrl, "POST", "/2015-03-31/functions/f/invocations", "",
                7L * 1024 * 1024);
        String sns = RawRequests.headersThenWait(openUrl, "POST", "/", "", 9L * 1024 * 1024);

        assertThat(invoke).startsWith("HTTP/1.1 413").contains("RequestEntityTooLargeException");
        assertThat(sns).startsWith("HTTP/1.1 413");
    }

    @Test
    void post_unsignedWithAHugeBody_answers403BeforeTheBodyIsSent() throws Exception {
        String response = RawRequests.headersThenWait(url, "POST", "/", "", 100L * 1024 * 1024);

        assertThat(response).startsWith("HTTP/1.1 403").contains("MissingAuthenticationToken");
    }

    private static String basic(String keyId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((keyId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
