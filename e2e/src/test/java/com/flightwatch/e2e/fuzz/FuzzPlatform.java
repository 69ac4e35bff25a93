package com.flightwatch.e2e.fuzz;

import com.flightwatch.common.config.Config;
import com.flightwatch.common.db.Database;
import com.flightwatch.platform.Platform;
import com.flightwatch.platform.PlatformSettings;
import com.flightwatch.platform.lambda.Isolation;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The platform as {@code flightwatch up --no-usage-plans} runs it (usage plans off: thousands of
 * generated requests would otherwise measure the plan's 429s), on free ports and a fresh data
 * directory, with a client that gives every request {@link #TIMEOUT} to answer and a pool on the
 * application's database for the properties' checks of what was stored.
 */
final class FuzzPlatform implements AutoCloseable {

    /** A request not answered within this is a hang: the property fails on it. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** For the set-up's requests, which pay the functions' cold starts (seconds on a busy 2-core machine). */
    static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(90);
    private static final Path CDK_OUT = Path.of("..", "infra-cdk", "cdk.out");

    private final Platform platform;
    private final HikariDataSource appDatabase;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private FuzzPlatform(Platform platform) {
        this.platform = platform;
        Map<String, String> environment = Map.of(
                "DB_URL", platform.database().appJdbcUrl(platform.stack().stackName()),
                "DB_USER", platform.database().user(), "DB_PASSWORD", platform.database().password(),
                "DB_MIGRATE", "false");
        this.appDatabase = Database.dataSource(Config.load(environment::get));
    }

    static FuzzPlatform start(String name) {
        if (!Files.isDirectory(CDK_OUT)) {
            throw new IllegalStateException(CDK_OUT.toAbsolutePath() + " is missing: build infra-cdk first "
                    + "(mvn -DskipTests package runs cdk synth)");
        }
        Path dataDir = Path.of("target", name + "-data").toAbsolutePath();
        deleteRecursively(dataDir);
        PlatformSettings settings = new PlatformSettings(CDK_OUT, null, "us-east-1", PlatformSettings.DEFAULT_HOST,
                0, 0, null, null, null, 0, dataDir, PlatformSettings.defaultBinaryDir(), Isolation.THREAD, false);
        return new FuzzPlatform(Platform.start(settings));
    }

    String gatewayUrl() {
        return platform.apis().get(0).url();
    }

    String controlUrl() {
        return platform.controlUrl();
    }

    String apiKey() {
        return platform.apis().get(0).keys().get(0).value();
    }

    /** A gateway request with the stack's API key and a JSON content type. */
    HttpRequest.Builder api(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(gatewayUrl() + pathAndQuery))
                .timeout(TIMEOUT)
                .header("x-api-key", apiKey())
                .header("content-type", "application/json");
    }

    HttpRequest.Builder control(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(controlUrl() + pathAndQuery)).timeout(TIMEOUT);
    }

    /** Sends and waits at most {@link #TIMEOUT}; a timeout is an {@link AssertionError}, as a hang is a failure. */
    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AssertionError("No answer within " + TIMEOUT.toSeconds() + " s: " + request.method() + " "
                    + request.uri(), e);
        } catch (IOException e) {
            throw new AssertionError("The connection failed on " + request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The rows of the application's tables that only requests create, to prove a refused request wrote nothing. */
    RowCounts rowCounts() {
        return query("SELECT (SELECT COUNT(*) FROM flights), (SELECT COUNT(*) FROM passengers),"
                + " (SELECT COUNT(*) FROM notifications), (SELECT COUNT(*) FROM alerts)", rows -> {
                    rows.next();
                    return new RowCounts(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4));
                });
    }

    /** Runs a query on the application's database (the functions' schema). */
    <T> T query(String sql, ResultReader<T> reader) {
        try (Connection connection = appDatabase.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return reader.read(rows);
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    @FunctionalInterface
    interface ResultReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Row counts of the tables a request writes. */
    record RowCounts(long flights, long passengers, long notifications, long alerts) {
    }

    @Override
    public void close() {
        appDatabase.close();
        platform.close();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot empty " + dir, e);
        }
    }
}
