package com.flightwatch.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator: {@code connections} keep-alive connections, each sending its next
 * request as soon as the previous answer arrives, for a fixed time and at most a fixed count.
 * Latencies are kept whole (no sampling) and sorted for the percentiles.
 */
final class LoadGenerator {

    private static final int MAX_SAMPLES = 5_000_000;

    private final Vertx vertx;
    private final int connections;

    LoadGenerator(Vertx vertx, int connections) {
        this.vertx = vertx;
        this.connections = connections;
    }

    Result run(String url, Map<String, String> headers, Duration duration) throws InterruptedException {
        return run(url, null, headers, duration);
    }

    /** @param body sent with POST when not null; GET without a body when null */
    Result run(String url, byte[] body, Map<String, String> headers, Duration duration) throws InterruptedException {
        URI uri = URI.create(url);
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                .setMaxPoolSize(connections).setDefaultHost(uri.getHost()).setDefaultPort(uri.getPort()));
        RequestOptions request = new RequestOptions().setMethod(body == null ? HttpMethod.GET : HttpMethod.POST)
                .setURI(uri.getRawPath());
        headers.forEach(request::putHeader);
        Buffer payload = body == null ? null : Buffer.buffer(body);

        long[] latencies = new long[MAX_SAMPLES];
        AtomicLong count = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        CountDownLatch finished = new CountDownLatch(connections);
        for (int i = 0; i < connections; i++) {
            sendNext(client, request, payload, end, latencies, count, errors, finished);
        }
        finished.await(duration.toSeconds() + 60, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - start;
        client.close();
        int samples = (int) Math.min(count.get(), MAX_SAMPLES);
        long[] sorted = Arrays.copyOf(latencies, samples);
        Arrays.sort(sorted);
        return new Result(count.get(), errors.get(), elapsed, sorted);
    }

    private void sendNext(HttpClient client, RequestOptions options, Buffer payload, long end, long[] latencies,
            AtomicLong count, AtomicLong errors, CountDownLatch finished) {
        long sent = System.nanoTime();
        if (sent >= end || count.get() >= MAX_SAMPLES) {
            finished.countDown();
            return;
        }
        client.request(options)
                .compose(req -> (payload == null ? req.send() : req.send(payload)).compose(response -> response.body().map(body -> response.statusCode())))
                .onComplete(outcome -> {
                    long n = count.getAndIncrement();
                    if (n < MAX_SAMPLES) {
                        latencies[(int) n] = System.nanoTime() - sent;
                    }
                    if (outcome.failed() || outcome.result() != 200) {
                        errors.incrementAndGet();
                    }
                    sendNext(client, options, payload, end, latencies, count, errors, finished);
                });
    }

    /** What one run measured. Latencies in nanoseconds, sorted. */
    record Result(long requests, long errors, long elapsedNanos, long[] sortedLatencies) {

        double requestsPerSecond() {
            return requests / (elapsedNanos / 1e9);
        }

        double percentileMillis(double percentile) {
            if (sortedLatencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100.0 * sortedLatencies.length) - 1;
            return sortedLatencies[Math.max(0, Math.min(index, sortedLatencies.length - 1))] / 1e6;
        }
    }
}
