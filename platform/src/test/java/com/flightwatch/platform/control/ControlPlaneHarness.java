package com.flightwatch.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.sns.RecordingInvoker;
import com.flightwatch.platform.sns.SnsService;
import com.flightwatch.platform.sns.SnsSettings;
import com.flightwatch.platform.store.EmbeddedMariaDb;
import com.flightwatch.platform.store.PlatformDatabase;
import com.flightwatch.platform.store.TestMariaDb;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * A control plane on a free port over a fresh embedded MariaDB, with a {@link RecordingInvoker} as
 * the functions and an SDK v2 client pointed at it: retries after 50 ms, twice, then dead letters.
 */
public final class ControlPlaneHarness implements AutoCloseable {

    public static final String FUNCTION_ARN_PREFIX = "arn:aws:lambda:us-east-1:000000000000:function:";
    private static final ObjectMapper JSON = new ObjectMapper();

    public final RecordingInvoker invoker = new RecordingInvoker();
    public final SnsService sns;
    public final SnsClient client;
    private final EmbeddedMariaDb database;
    private final HikariDataSource dataSource;
    private final Vertx vertx;
    private final ControlPlane controlPlane;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    public ControlPlaneHarness(String name) {
        database = TestMariaDb.startFresh(name);
        dataSource = PlatformDatabase.open(database.jdbcUrl(PlatformDatabase.DATABASE_NAME), EmbeddedMariaDb.USER,
                EmbeddedMariaDb.PASSWORD);
        // The port is chosen first: SNS puts the control plane's URL in the SubscribeURL of http confirmations.
        int port = freePort();
        sns = new SnsService(dataSource, invoker, SnsSettings.defaults().withRetries(2, Duration.ofMillis(50))
                .withPublicEndpoint("http://127.0.0.1:" + port));
        sns.start();
        vertx = Vertx.vertx();
        controlPlane = new ControlPlane(vertx, sns, new ControlPlaneSettings("127.0.0.1", port));
        baseUrl = "http://127.0.0.1:" + controlPlane.start();
        client = SnsClient.builder()
                .endpointOverride(URI.create(baseUrl))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Creates the topic and subscribes {@code function} to it. @return the topic's ARN */
    String subscribedTopic(String name, String function) {
        String topicArn = client.createTopic(r -> r.name(name)).topicArn();
        client.subscribe(r -> r.topicArn(topicArn).protocol("lambda").endpoint(FUNCTION_ARN_PREFIX + function));
        return topicArn;
    }

    static SNSEvent.SNS snsOf(RecordingInvoker.Invocation invocation) {
        return LambdaEventSerializers.serializerFor(SNSEvent.class, ControlPlaneHarness.class.getClassLoader())
                .fromJson(invocation.eventJson()).getRecords().get(0).getSNS();
    }

    /** Drops what {@code function} received so far. */
    void drain(String function) throws InterruptedException {
        while (invoker.next(function, 0) != null) {
            // Earlier invocations are not what the test is about.
        }
    }

    /** GETs {@code path}, expecting 200 and JSON. */
    JsonNode getJson(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.uri(), e);
        }
    }

    @Override
    public void close() {
        client.close();
        controlPlane.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        sns.close();
        dataSource.close();
        database.close();
    }
}
