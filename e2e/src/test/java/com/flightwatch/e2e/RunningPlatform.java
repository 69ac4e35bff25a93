package com.flightwatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.common.config.Config;
import com.flightwatch.common.db.Database;
import com.flightwatch.platform.Platform;
import com.flightwatch.platform.PlatformSettings;
import com.flightwatch.platform.lambda.Isolation;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The platform started the way {@code flightwatch up} starts it — from {@code infra-cdk/cdk.out},
 * with its embedded database — but on free ports and a fresh data directory, with an HTTP client
 * for the gateway and the control plane.
 */
final class RunningPlatform implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CDK_OUT = Path.of("..", "infra-cdk", "cdk.out");

    private final Platform platform;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningPlatform(Platform platform) {
        this.platform = platform;
    }

    static RunningPlatform start(String name) {
        return start(name, Isolation.THREAD);
    }

    static RunningPlatform start(String name, Isolation isolation) {
        if (!Files.isDirectory(CDK_OUT)) {
            throw new IllegalStateException(CDK_OUT.toAbsolutePath() + " is missing: build infra-cdk first "
                    + "(mvn -DskipTests package runs cdk synth)");
        }
        Path dataDir = Path.of("target", name + "-data").toAbsolutePath();
        TestDirectories.deleteRecursively(dataDir);
        PlatformSettings settings = new PlatformSettings(CDK_OUT, null, "us-east-1", PlatformSettings.DEFAULT_HOST,
                0, 0, null, null, null, 0, dataDir, PlatformSettings.defaultBinaryDir(), isolation);
        return new RunningPlatform(Platform.start(settings));
    }

    Platform platform() {
        return platform;
    }

    String gatewayUrl() {
        return platform.apis().get(0).url();
    }

    String apiKey() {
        return platform.apis().get(0).keys().get(0).value();
    }

    /** A request to the gateway, carrying the stack's API key. */
    HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create(gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("x-api-key", apiKey())
                .header("content-type", "application/json");
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> post(String path, String json) {
        return send(api(path).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> get(String path) {
        return send(api(path).GET().build());
    }

    /** The SMS the local carrier received for {@code phoneNumber}. */
    JsonNode smsTo(String phoneNumber) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.controlUrl() + "/_platform/sms?phoneNumber="
                + phoneNumber.replace("+", "%2B"))).GET().build();
        return json(send(request));
    }

    /** A pool on the stack's application database, as the functions see it (schema already migrated). */
    HikariDataSource appDataSource() {
        Map<String, String> environment = Map.of(
                "DB_URL", platform.database().appJdbcUrl(platform.stack().stackName()),
                "DB_USER", platform.database().user(), "DB_PASSWORD", platform.database().password(), "DB_MIGRATE", "false");
        return Database.dataSource(Config.load(environment::get));
    }

    /** An SDK client on the platform's SNS API, as a user's code would build one. */
    SnsClient snsClient() {
        return SnsClient.builder()
                .endpointOverride(URI.create(platform.controlUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    @Override
    public void close() {
        platform.close();
    }
}
