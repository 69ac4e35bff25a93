package com.flightwatch.e2e;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the soak's mix at a steady rate, whatever the answers take (an open loop): request i is due
 * at {@code start + i / rate}, and its latency counts from then, so a stall shows up in the
 * percentiles instead of quietly lowering the rate. Bounded in time and in requests in flight; a
 * request that finds {@code maxInFlight} outstanding is not sent and counted as shed.
 */
final class OpenLoopLoad {

    private static final int ERROR_SAMPLES = 10;
    private static final long TICK_MILLIS = 5;

    /** What a run measured. */
    record Result(Map<SoakTraffic.Operation, LatencyRecorder> latencies, long sent, long errors, long shed,
                  List<String> errorSamples, long elapsedNanos) {

        LatencyRecorder all() {
            LatencyRecorder all = new LatencyRecorder();
            latencies.values().forEach(all::addAll);
            return all;
        }

        double requestsPerSecond() {
            return sent / (elapsedNanos / 1e9);
        }
    }

    private final HttpClient http;
    private final SoakTraffic traffic;
    private final int maxInFlight;

    OpenLoopLoad(HttpClient http, SoakTraffic traffic, int maxInFlight) {
        this.http = http;
        this.traffic = traffic;
        this.maxInFlight = maxInFlight;
    }

    /**
     * How many requests are due {@code elapsedNanos} after the start: request i at i / rate, so the
     * first at once. (Counting only whole periods, as the soak did until 2026-11-24, sends each request
     * one period late and adds that period, 50 ms at 20 requests/s, to every latency.)
     */
    static long dueBy(long elapsedNanos, double ratePerSecond, long total) {
        return Math.min(total, (long) Math.floor(elapsedNanos * ratePerSecond / 1e9) + 1);
    }

    Result run(double ratePerSecond, Duration duration, long seed) throws InterruptedException {
        Map<SoakTraffic.Operation, LatencyRecorder> latencies = new EnumMap<>(SoakTraffic.Operation.class);
        for (SoakTraffic.Operation operation : SoakTraffic.Operation.values()) {
            latencies.put(operation, new LatencyRecorder());
        }
        Random random = new Random(seed);
        AtomicLong errors = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
        long total = (long) (ratePerSecond * duration.toNanos() / 1e9);
        long start = System.nanoTime();
        long[] sent = {0};
        long[] shed = {0};
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> {
            long due = dueBy(System.nanoTime() - start, ratePerSecond, total);
            for (; sent[0] < due; sent[0]++) {
                if (inFlight.get() >= maxInFlight) {
                    shed[0]++;
                    continue;
                }
                long intended = start + (long) (sent[0] * 1e9 / ratePerSecond);
                SoakTraffic.Operation operation = traffic.pick(random);
                HttpRequest request = traffic.request(operation, random);
                inFlight.incrementAndGet();
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                    latencies.get(operation).record(System.nanoTime() - intended);
                    if (failure == null && response.statusCode() == operation.expectedStatus) {
                        traffic.onSuccess(operation, response);
                    } else {
                        errors.incrementAndGet();
                        if (errorSamples.size() < ERROR_SAMPLES) {
                            errorSamples.add(operation + " " + request.uri().getRawPath() + ": " + (failure != null
                                    ? failure.toString() : response.statusCode() + " " + response.body()));
                        }
                    }
                    inFlight.decrementAndGet();
                });
            }
        }, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        long end = start + duration.toNanos();
        while (System.nanoTime() < end) {
            Thread.sleep(Math.max(1, (end - System.nanoTime()) / 1_000_000));
        }
        ticker.shutdown();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
        long drainDeadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < drainDeadline) {
            Thread.sleep(10);
        }
        if (inFlight.get() > 0) {
            errors.addAndGet(inFlight.get());
            errorSamples.add(inFlight.get() + " request(s) never answered");
        }
        return new Result(latencies, sent[0] - shed[0], errors.get(), shed[0], List.copyOf(errorSamples),
                System.nanoTime() - start);
    }
}
