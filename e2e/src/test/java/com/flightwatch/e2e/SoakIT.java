package com.flightwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Steady traffic of all five operations through the gateway of a platform started as a user starts
 * it (embedded MariaDB, usage plans off so that the stack's daily quota does not end the soak): no
 * request may fail, every alert a cancellation issued must end as exactly one
 * text, and the platform's threads and open files must not grow. Memory (RSS) of the platform and of
 * everything it started is sampled and reported; over a long soak it must stay flat.
 *
 * <p>The default suite runs a short soak ({@code -Dsoak.duration=PT30S}, 20 requests/s) in process
 * isolation, as a user runs the platform. The long one is {@code scripts/soak} (5 minutes);
 * {@code -Dsoak.rate} and {@code -Dsoak.isolation} set rate and isolation.
 */
class SoakIT {

    private static final Duration SHORT = Duration.ofSeconds(30);
    private static final int WARM_UP_CLIENTS = 4;
    private static final Duration RAMP_UP = Duration.ofMinutes(1);
    private static final int WARM_UP_REQUESTS = 40;
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(2);
    /** Long enough to judge memory flat: the first and last minute are compared. */
    private static final Duration LONG_ENOUGH_FOR_MEMORY = Duration.ofMinutes(4);
    private static final Duration TEXTS_DEADLINE = Duration.ofMinutes(2);
    private static final Path DATA = Path.of("target", "soak-data").toAbsolutePath();
    private static final Path LOG = Path.of("target", "soak-platform.log").toAbsolutePath();
    private static final Path REPORT = Path.of("target", "soak-report.md").toAbsolutePath();

    @Test
    void steadyMixedTraffic_answersEveryRequestTextsEveryAlertOnceAndLeaksNothing() throws Exception {
        Duration duration = Duration.parse(System.getProperty("soak.duration", SHORT.toString()));
        double rate = Double.parseDouble(System.getProperty("soak.rate", "20"));
        String isolation = System.getProperty("soak.isolation", "process");
        TestDirectories.deleteRecursively(DATA);
        TestDirectories.deleteRecursively(LOG);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ProcessSampler sampler = new ProcessSampler();
        try (ChildPlatform platform = ChildPlatform.start(DATA, LOG, "--no-usage-plans",
                     "--isolation", isolation);
             PlatformDataProbe data = new PlatformDataProbe(platform.databasePort)) {
            SoakTraffic traffic = new SoakTraffic(platform.gatewayUrl, platform.apiKey);
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> created = http.send(traffic.registration(), HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                traffic.onSuccess(SoakTraffic.Operation.REGISTER_FLIGHT, created);
            }
            warmUp(http, traffic);
            OpenLoopLoad load = new OpenLoopLoad(http, traffic, 256);
            OpenLoopLoad.Result rampUp = load.run(rate, rampUp(duration), 1);
            // The texts of the warm-up's cancellations too: the SMS function has its instances before the samples start.
            awaitTexts(data, traffic.alertsIssued());

            List<ProcessSampler.Sample> samples = Collections.synchronizedList(new ArrayList<>());
            ScheduledExecutorService sampling = Executors.newSingleThreadScheduledExecutor();
            sampling.scheduleAtFixedRate(() -> samples.add(sampler.sample(platform.pid(), platform.processTree())),
                    0, SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            OpenLoopLoad.Result soak = load.run(rate, duration, 2);
            long alertsIssued = traffic.alertsIssued();
            int texts = awaitTexts(data, alertsIssued);
            sampling.shutdown();
            sampling.awaitTermination(5, TimeUnit.SECONDS);
            samples.add(sampler.sample(platform.pid(), platform.processTree()));

            SoakReport report = new SoakReport(rate, isolation, duration, rampUp, soak, samples, traffic.flights(), alertsIssued,
                    texts);
            Files.writeString(REPORT, report.markdown());
            System.out.println(report.markdown());

            assertThat(soak.errors()).as("failed requests: %s", soak.errorSamples()).isZero();
            assertThat(soak.shed()).as("requests not sent: %d already in flight", 256).isZero();
            assertThat(texts).as("texts for the %d alerts the cancellations issued", alertsIssued).isEqualTo(alertsIssued);
            ProcessSampler.Sample first = samples.get(0);
            ProcessSampler.Sample last = samples.get(samples.size() - 1);
            assertThat(last.platformThreads()).as("platform threads, first and last sample").isLessThanOrEqualTo(
                    first.platformThreads() + 16);
            assertThat(last.platformFds()).as("platform file descriptors, first and last sample").isLessThanOrEqualTo(
                    first.platformFds() + 32);
            if (duration.compareTo(LONG_ENOUGH_FOR_MEMORY) >= 0) {
                assertThat(report.lastMinuteTreeRssKib()).as("RSS of the platform and its processes, last minute vs"
                        + " first minute").isLessThanOrEqualTo((long) (report.firstMinuteTreeRssKib() * 1.25));
            }
        }
    }

    /**
     * The same traffic, not measured, for as long as the soak up to a minute: from the warm-up's few
     * clients to an open loop at a high rate, functions scale out (a JVM per instance in process
     * isolation, started one per core at a time), and the requests that arrive meanwhile wait or are
     * throttled. The soak measures the steady state that follows; the report gives the ramp's figures.
     */
    private static Duration rampUp(Duration soak) {
        return soak.compareTo(RAMP_UP) < 0 ? soak : RAMP_UP;
    }

    /**
     * A few instances of every function started, and the JITs past their first compilations, before
     * the steady load: {@link #WARM_UP_CLIENTS} clients each sending the mix one request after the
     * other. An open loop at full rate from cold would pile up more requests than a function may run
     * instances while they start, and be throttled (429), as Lambda would.
     */
    private static void warmUp(HttpClient http, SoakTraffic traffic) throws InterruptedException {
        List<Thread> clients = new ArrayList<>();
        for (int client = 0; client < WARM_UP_CLIENTS; client++) {
            Random random = new Random(client);
            Thread thread = new Thread(() -> {
                for (int i = 0; i < WARM_UP_REQUESTS; i++) {
                    SoakTraffic.Operation operation = traffic.pick(random);
                    try {
                        HttpResponse<String> response = http.send(traffic.request(operation, random),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == operation.expectedStatus) {
                            traffic.onSuccess(operation, response);
                        }
                    } catch (java.io.IOException e) {
                        // A warm-up request that fails is not a figure; the soak's are.
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "soak-warm-up-" + client);
            thread.start();
            clients.add(thread);
        }
        for (Thread client : clients) {
            client.join();
        }
    }

    /** Waits until the soak's alerts are all in the outbox (or the deadline); the count found. */
    private static int awaitTexts(PlatformDataProbe data, long expected) throws Exception {
        long deadline = System.nanoTime() + TEXTS_DEADLINE.toNanos();
        int texts = data.outboxCount(SoakTraffic.PHONE_PREFIX);
        while (texts < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            texts = data.outboxCount(SoakTraffic.PHONE_PREFIX);
        }
        return texts;
    }
}
