package com.flightwatch.bench;

import com.flightwatch.platform.Platform;
import com.flightwatch.platform.PlatformSettings;
import com.flightwatch.platform.lambda.Isolation;
import com.flightwatch.platform.store.PlatformDatabase;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The fan-out of a cancellation: a flight of 10,000 passengers, then {@code POST /notifications};
 * measures the POST's latency and the time until all 10,000 SMS are in the outbox, on the stack
 * {@code cdk synth} wrote, run as {@code flightwatch up} runs it. A small fan-out first warms the
 * functions up; then {@code runs} measured fan-outs, each on a flight of its own.
 * Arguments: passengers (10000), runs (3), isolation (process|thread), the cloud assembly (infra-cdk/cdk.out).
 */
public final class FanOutBench {

    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final int WARM_UP_PASSENGERS = 200;

    public static void main(String[] args) throws Exception {
        int passengers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Isolation isolation = Isolation.valueOf((args.length > 2 ? args[2] : "process").toUpperCase(Locale.ROOT));
        Path dataDir = Path.of("bench", "target", "fanout-data").toAbsolutePath();
        deleteRecursively(dataDir);
        Path cdkOut = Path.of(args.length > 3 ? args[3] : "infra-cdk/cdk.out");
        PlatformSettings settings = new PlatformSettings(cdkOut, null, "us-east-1",
                PlatformSettings.DEFAULT_HOST, 0, 0, null, null, null, 0, dataDir, PlatformSettings.defaultBinaryDir(),
                isolation, false);
        System.out.printf("Fan-out: %d passengers, %d run(s), %s isolation, %d cores, JDK %s%n", passengers, runs,
                isolation.name().toLowerCase(Locale.ROOT), Runtime.getRuntime().availableProcessors(),
                Runtime.version());

        try (Platform platform = Platform.start(settings);
             Connection outbox = DriverManager.getConnection(platform.database().jdbcUrl(PlatformDatabase.DATABASE_NAME),
                     platform.database().user(), platform.database().password())) {
            FlightApi api = new FlightApi(HttpClient.newHttpClient(), platform.apis().get(0).url(),
                    platform.apis().get(0).keys().get(0).value());
            FanOutProbe probe = new FanOutProbe(outbox, smsFunction(platform));
            FanOut warmUp = fanOut(api, probe, "WU1", "+1415900", WARM_UP_PASSENGERS);
            System.out.printf("Warm-up (%d passengers): POST %d in %.0f ms, all SMS after %s s%n", WARM_UP_PASSENGERS,
                    warmUp.postStatus(), warmUp.postMillis(), warmUp.allSms());
            List<FanOut> measured = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                measured.add(fanOut(api, probe, "FO" + (100 + run), "+1416%03d".formatted(run), passengers));
            }
            System.out.println();
            System.out.printf("| run | passengers | POST /notifications | all SMS in outbox s | SMS/s | SMS invocations"
                    + " | mean SMS invocation ms | SMS cold starts |%n");
            System.out.println("|---:|---:|---|---:|---:|---:|---:|---:|");
            for (int run = 0; run < measured.size(); run++) {
                FanOut fanOut = measured.get(run);
                System.out.printf("| %d | %d | %d in %.0f ms | %s | %s | %d | %.1f | %d |%n", run + 1, passengers,
                        fanOut.postStatus(), fanOut.postMillis(), fanOut.allSms(), fanOut.rate(),
                        fanOut.sms().invocations(), fanOut.sms().meanMillis(), fanOut.sms().coldStarts());
            }
        }
        System.exit(0);
    }

    /**
     * Registers a flight of {@code passengers}, cancels it, and waits for every SMS, up to {@link #DEADLINE}.
     * A POST that fails (a 504 when the alerts function outlives its timeout) is a figure, not the end of the run.
     */
    private static FanOut fanOut(FlightApi api, FanOutProbe probe, String flightNumber, String phonePrefix,
            int passengers) throws Exception {
        api.registerFlight(flightNumber, phonePrefix, passengers);
        Instant started = Instant.now();
        long start = System.nanoTime();
        HttpResponse<String> answer = api.cancel(flightNumber);
        double postMillis = (System.nanoTime() - start) / 1e6;
        long deadline = start + DEADLINE.toNanos();
        int delivered = probe.outboxCount(phonePrefix);
        while (delivered < passengers && System.nanoTime() < deadline) {
            Thread.sleep(10);
            delivered = probe.outboxCount(phonePrefix);
        }
        long allSmsMillis = delivered < passengers ? -1 : (System.nanoTime() - start) / 1_000_000;
        return new FanOut(answer.statusCode(), postMillis, delivered, allSmsMillis, probe.smsActivationsSince(started));
    }

    private static String smsFunction(Platform platform) {
        return platform.stack().functions().stream().filter(function -> function.handler().contains("SmsHandler"))
                .map(function -> function.name()).findFirst()
                .orElseThrow(() -> new IllegalStateException("The stack has no SmsHandler function"));
    }

    /** One measured fan-out. */
    record FanOut(int postStatus, double postMillis, int delivered, long allSmsMillis, FanOutProbe.Activations sms) {

        String allSms() {
            return allSmsMillis < 0 ? "only %d after %d s".formatted(delivered, DEADLINE.toSeconds())
                    : "%.1f".formatted(allSmsMillis / 1000.0);
        }

        String rate() {
            return allSmsMillis < 0 ? "-" : "%.0f".formatted(delivered * 1000.0 / allSmsMillis);
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
