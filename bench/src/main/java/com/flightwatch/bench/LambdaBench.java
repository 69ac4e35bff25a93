package com.flightwatch.bench;

import com.flightwatch.platform.Platform;
import com.flightwatch.platform.PlatformSettings;
import com.flightwatch.platform.lambda.FunctionHost;
import com.flightwatch.platform.lambda.InvocationDetails;
import com.flightwatch.platform.lambda.InvocationStatus;
import com.flightwatch.platform.lambda.Isolation;
import com.flightwatch.platform.stack.FunctionSpec;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * Issue 3's Lambda figures. Cold starts (process spawn to first response: the whole first
 * {@code FunctionHost.invokeWithLogs} after a redeploy, with the platform's own split: spawn to the
 * runtime client's first poll, then the first invocation) of a trivial handler and of FlightsHandler
 * (a {@code GET /flights/{id}} proxy event: its first answer includes opening its HikariCP pool on
 * the embedded MariaDB and two queries). Warm latency at concurrency 1 and throughput at concurrency
 * 8 through the Lambda API on the control plane ({@code POST /2015-03-31/functions/{name}/invocations}),
 * in process and thread isolation, and the same calls made in-process on the {@code FunctionHost}, so
 * the difference is what the Lambda API's HTTP path costs.
 * Arguments: seconds per warm measurement, cold starts per function.
 */
public final class LambdaBench {

    private static final String TRIVIAL = "bench-trivial";
    private static final byte[] TRIVIAL_EVENT = "{\"ping\": 1}".getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int coldStarts = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.println("| Lambda API, loopback | isolation | calls | errors | calls/s | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        for (Isolation isolation : Isolation.values()) {
            measure(isolation, seconds, coldStarts);
        }
        System.exit(0);
    }

    private static void measure(Isolation isolation, int seconds, int coldStarts) throws Exception {
        Path dataDir = Path.of("bench", "target", "lambda-bench-data").toAbsolutePath();
        GatewayBench.deleteRecursively(dataDir);
        PlatformSettings settings = new PlatformSettings(Path.of("infra-cdk", "cdk.out"), null, "us-east-1",
                PlatformSettings.DEFAULT_HOST, 0, 0, null, null, null, 0, dataDir, PlatformSettings.defaultBinaryDir(),
                isolation, false);
        String mode = isolation.name().toLowerCase();
        try (Platform platform = Platform.start(settings)) {
            FunctionHost host = platform.invoker();
            FunctionSpec trivial = new FunctionSpec(TRIVIAL, TRIVIAL, TrivialFunctionJar.HANDLER, "java21", 512, 30,
                    Map.of(), TrivialFunctionJar.write(dataDir));
            host.deploy(trivial);
            String gateway = platform.apis().get(0).url();
            String flightId = GatewayBench.registerFlight(gateway, platform.apis().get(0).keys().get(0).value());
            String flights = GatewayBench.flightsFunction(platform);
            byte[] getFlight = getFlightEvent(flightId);

            if (isolation == Isolation.PROCESS) {
                printCold("cold start, trivial handler", mode, coldStarts(host, trivial, TRIVIAL_EVENT, coldStarts));
                FunctionSpec flightsSpec = host.function(flights).orElseThrow();
                printCold("cold start, FlightsHandler GET /flights/{id} (embedded MariaDB)", mode,
                        coldStarts(host, flightsSpec, getFlight, coldStarts));
            }
            print("warm, trivial handler, concurrency 1, FunctionHost.invoke in-process (no Lambda API)", mode,
                    direct(host, seconds));
            Vertx vertx = Vertx.vertx();
            try {
                String trivialUrl = invokeUrl(platform, TRIVIAL);
                new LoadGenerator(vertx, 8).run(trivialUrl, TRIVIAL_EVENT, Map.of(), Duration.ofSeconds(seconds));
                print("warm, trivial handler, concurrency 1", mode,
                        new LoadGenerator(vertx, 1).run(trivialUrl, TRIVIAL_EVENT, Map.of(), Duration.ofSeconds(seconds)));
                print("warm, trivial handler, concurrency 8", mode,
                        new LoadGenerator(vertx, 8).run(trivialUrl, TRIVIAL_EVENT, Map.of(), Duration.ofSeconds(seconds)));
                String flightsUrl = invokeUrl(platform, flights);
                new LoadGenerator(vertx, 1).run(flightsUrl, getFlight, Map.of(), Duration.ofSeconds(seconds / 2));
                print("warm, FlightsHandler GET /flights/{id}, concurrency 1", mode,
                        new LoadGenerator(vertx, 1).run(flightsUrl, getFlight, Map.of(), Duration.ofSeconds(seconds)));
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().join();
            }
        }
    }

    /** Cold starts: whole first invocations and their spawn-to-first-poll parts, in milliseconds, each sorted. */
    private record ColdStarts(double[] total, double[] init) {
    }

    /** Redeploys before each call, so each is the first of a new instance. */
    private static ColdStarts coldStarts(FunctionHost host, FunctionSpec spec, byte[] event, int count) {
        double[] total = new double[count];
        double[] init = new double[count];
        for (int i = 0; i < count; i++) {
            host.deploy(spec);
            long start = System.nanoTime();
            InvocationDetails details = host.invokeWithLogs(spec.name(), event);
            total[i] = (System.nanoTime() - start) / 1e6;
            init[i] = details.initDurationMs();
            if (details.result().status() != InvocationStatus.SUCCESS || !details.coldStart()) {
                throw new IllegalStateException("The first invoke of " + spec.name() + " was not a successful cold start: "
                        + details.result().status() + " " + details.logs());
            }
        }
        Arrays.sort(total);
        Arrays.sort(init);
        return new ColdStarts(total, init);
    }

    /** Invokes the warm trivial function on the host itself, one call at a time, for {@code seconds}. */
    private static LoadGenerator.Result direct(FunctionHost host, int seconds) {
        for (long end = System.nanoTime() + 2_000_000_000L; System.nanoTime() < end; ) {
            host.invoke(TRIVIAL, TRIVIAL_EVENT); // warm-up
        }
        long[] latencies = new long[2_000_000];
        int count = 0;
        long errors = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end && count < latencies.length) {
            long sent = System.nanoTime();
            errors += host.invoke(TRIVIAL, TRIVIAL_EVENT).status() == InvocationStatus.SUCCESS ? 0 : 1;
            latencies[count++] = System.nanoTime() - sent;
        }
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        return new LoadGenerator.Result(count, errors, System.nanoTime() - start, sorted);
    }

    private static String invokeUrl(Platform platform, String function) {
        return platform.controlUrl() + "/2015-03-31/functions/" + function + "/invocations";
    }

    private static byte[] getFlightEvent(String flightId) {
        String event = """
                {"resource": "/flights/{flightId}", "path": "/flights/%s", "httpMethod": "GET",
                 "headers": {"Accept": "application/json"}, "pathParameters": {"flightId": "%s"},
                 "requestContext": {"stage": "prod", "httpMethod": "GET", "resourcePath": "/flights/{flightId}"}}
                """.formatted(flightId, flightId);
        return event.getBytes(StandardCharsets.UTF_8);
    }

    private static void printCold(String name, String mode, ColdStarts cold) {
        int middle = cold.total().length / 2;
        System.out.printf("| %s (median spawn to first poll: %.0f ms) | %s | %d | 0 | - | %.0f | - | %.0f |%n", name,
                cold.init()[middle], mode, cold.total().length, cold.total()[middle], cold.total()[cold.total().length - 1]);
    }

    private static void print(String name, String mode, LoadGenerator.Result result) {
        System.out.printf("| %s | %s | %d | %d | %.0f | %.3f | %.3f | %.3f |%n", name, mode, result.requests(),
                result.errors(), result.requestsPerSecond(), result.percentileMillis(50), result.percentileMillis(99),
                result.percentileMillis(100));
    }
}
