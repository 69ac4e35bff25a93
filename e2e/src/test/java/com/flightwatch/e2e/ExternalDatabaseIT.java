package com.flightwatch.e2e;

import static com.flightwatch.e2e.RunningPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.Platform;
import com.flightwatch.platform.PlatformSettings;
import com.flightwatch.platform.lambda.Isolation;
import com.flightwatch.platform.store.EmbeddedMariaDb;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** {@code flightwatch up --db-url}: the platform and its functions on a server it did not start. */
class ExternalDatabaseIT {

    @Test
    void up_withDbUrl_keepsPlatformAndFunctionDataOnThatServer() throws Exception {
        Path serverDir = Path.of("target", "external-db").toAbsolutePath();
        TestDirectories.deleteRecursively(serverDir);
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(
                new EmbeddedMariaDb.Settings(PlatformSettings.defaultBinaryDir(), serverDir, 0))) {
            String serverUrl = "jdbc:mysql://127.0.0.1:" + server.port() + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true";
            PlatformSettings settings = new PlatformSettings(Path.of("..", "infra-cdk", "cdk.out"), null, "us-east-1",
                    PlatformSettings.DEFAULT_HOST, 0, 0, serverUrl, EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD, 0,
                    Path.of("target", "external-db-unused").toAbsolutePath(), PlatformSettings.defaultBinaryDir(),
                    Isolation.THREAD);

            try (Platform platform = Platform.start(settings)) {
                Platform.RunningApi api = platform.apis().get(0);
                HttpResponse<String> created = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(api.url() + "/flights"))
                                .header("x-api-key", api.keys().get(0).value())
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"flightNumber": "KL601", "departureDate": "2026-12-28", "origin": "AMS",
                                         "destination": "LAX", "scheduledDeparture": "2026-12-28T09:00:00Z", "passengers": []}"""))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                assertThat(json(created).path("flightNumber").asText()).isEqualTo("KL601");
            }

            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("flightwatch"), "root", "");
                 ResultSet rows = connection.createStatement().executeQuery(
                         "SELECT COUNT(*) FROM flights WHERE flight_number = 'KL601'")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("platform"), "root", "");
                 ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM platform_api_keys")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
    }
}
