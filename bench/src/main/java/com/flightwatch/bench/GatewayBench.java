package com.flightwatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.Platform;
import com.flightwatch.platform.PlatformLimits;
import com.flightwatch.platform.PlatformSettings;
import com.flightwatch.platform.gateway.Gateway;
import com.flightwatch.platform.lambda.Isolation;
import com.flightwatch.platform.stack.FunctionSpec;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code GET /flights/{id}} through the gateway against the same handler behind a bare HTTP server,
 * in one run, on one platform: the platform's gateway (usage plans off), a second gateway on the
 * same API with a usage plan whose throttle and quota never bite (so every request pays for the
 * key's bucket, the stage's and the quota count), and the bare server. Each is measured {@link #ROUNDS}
 * times, in turn, so that neither profits alone from the JIT warming up as the run goes on.
 * Arguments: seconds per measurement, connections, warm-up seconds.
 */
public final class GatewayBench {

    private static final int ROUNDS = 2;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path dataDir = Path.of("bench", "target", "bench-data").toAbsolutePath();
        deleteRecursively(dataDir);
        PlatformSettings settings = new PlatformSettings(Path.of("infra-cdk", "cdk.out"), null, "us-east-1",
                PlatformSettings.DEFAULT_HOST, 0, 0, null, null, null, 0, dataDir, PlatformSettings.defaultBinaryDir(),
                Isolation.THREAD, false) // the stack's plan (50 req/s a key) would turn the measurement into 429s
                // As many instances as connections: the default of 10 would answer the rest 429, as Lambda does.
                .withLimits(new PlatformLimits(Math.max(connections, PlatformLimits.DEFAULT_MAX_CONCURRENCY),
                        PlatformLimits.DEFAULT_IDLE_TIMEOUT, PlatformLimits.DEFAULT_ACTIVATION_RETENTION,
                        PlatformLimits.DEFAULT_MAX_ACTIVATIONS));

        try (Platform platform = Platform.start(settings)) {
            String gateway = platform.apis().get(0).url();
            String key = platform.apis().get(0).keys().get(0).value();
            String flightId = registerFlight(gateway, key);
            Vertx vertx = Vertx.vertx();
            try (BareHandlerServer bare = new BareHandlerServer(vertx, platform.invokerFor("bench"), flightsFunction(platform));
                 Gateway planned = PlannedGateway.start(vertx, platform)) {
                int barePort = bare.start();
                LoadGenerator load = new LoadGenerator(vertx, connections);
                String path = "/flights/" + flightId;
                Map<String, String> keyHeader = Map.of("x-api-key", key);
                Map<String, String> rows = new LinkedHashMap<>();
                rows.put("gateway, usage plan on (key, plan throttle + quota, route, validation, full proxy event)",
                        "http://127.0.0.1:" + planned.port() + path);
                rows.put("gateway, usage plans off", gateway + path);
                rows.put("bare HTTP server, same handler, same invoker and activation records",
                        "http://127.0.0.1:" + barePort + path);

                System.out.printf("Warming up each for %d s...%n", warmup);
                for (String url : rows.values()) {
                    Map<String, String> headers = url.startsWith("http://127.0.0.1:" + barePort) ? Map.of() : keyHeader;
                    load.run(url, headers, Duration.ofSeconds(warmup));
                }
                System.out.printf("Measuring %d s each, %d connections, %d rounds...%n", seconds, connections, ROUNDS);
                Map<String, LoadGenerator.Result> last = new LinkedHashMap<>();
                for (int round = 1; round <= ROUNDS; round++) {
                    System.out.println();
                    System.out.printf("Round %d of %d:%n", round, ROUNDS);
                    System.out.println("| GET /flights/{id} | requests | errors | requests/s | p50 ms | p99 ms | p99.9 ms |");
                    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
                    // Each round starts with another row, so that no row always follows the same one.
                    for (int i = 0; i < rows.size(); i++) {
                        String name = rowName(rows, (round - 1 + i) % rows.size());
                        String url = rows.get(name);
                        Map<String, String> headers = url.startsWith("http://127.0.0.1:" + barePort) ? Map.of() : keyHeader;
                        LoadGenerator.Result result = load.run(url, headers, Duration.ofSeconds(seconds));
                        last.put(name, result);
                        print(name, result);
                    }
                    double bareRate = last.get(rowName(rows, 2)).requestsPerSecond();
                    System.out.printf("gateway with plan / bare = %.2f, gateway without / bare = %.2f%n",
                            last.get(rowName(rows, 0)).requestsPerSecond() / bareRate,
                            last.get(rowName(rows, 1)).requestsPerSecond() / bareRate);
                }
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().join();
            }
        }
        System.exit(0);
    }

    private static String rowName(Map<String, String> rows, int index) {
        return rows.keySet().stream().skip(index).findFirst().orElseThrow();
    }

    private static void print(String name, LoadGenerator.Result result) {
        System.out.printf("| %s | %d | %d | %.0f | %.2f | %.2f | %.2f |%n", name, result.requests(), result.errors(),
                result.requestsPerSecond(), result.percentileMillis(50), result.percentileMillis(99),
                result.percentileMillis(99.9));
    }

    static String flightsFunction(Platform platform) {
        return platform.stack().functions().stream()
                .filter(function -> function.handler().contains("FlightsHandler"))
                .map(FunctionSpec::name)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The stack has no FlightsHandler function"));
    }

    static String registerFlight(String gateway, String key) throws Exception {
        String body = """
                {"flightNumber": "BA117", "departureDate": "2026-12-24", "origin": "LHR", "destination": "JFK",
                 "scheduledDeparture": "2026-12-24T11:20:00Z", "passengers": [
                 {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com", "phone": "+442071838750"},
                 {"firstName": "Alan", "lastName": "Turing", "email": "alan@example.com", "phone": "+442071838751"},
                 {"firstName": "Grace", "lastName": "Hopper", "email": "grace@example.com", "phone": "+14155550101"}]}
                """;
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(gateway + "/flights")).header("x-api-key", key)
                        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Registering the flight failed: " + response.statusCode() + " " + response.body());
        }
        return new ObjectMapper().readTree(response.body()).path("flightId").asText();
    }

    static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
