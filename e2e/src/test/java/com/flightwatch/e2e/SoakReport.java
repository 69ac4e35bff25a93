package com.flightwatch.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/** The soak's figures as a Markdown section: throughput, latency per operation, what the processes held. */
record SoakReport(double rate, String isolation, Duration duration, OpenLoopLoad.Result rampUp,
                  OpenLoopLoad.Result result, List<ProcessSampler.Sample> samples, int flights, long alertsIssued,
                  int texts) {

    private static final long MINUTE_MILLIS = 60_000;

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Soak: %d s at %.0f requests/s offered, %s isolation, %d cores, JDK %s%n%n",
                duration.toSeconds(), rate, isolation, Runtime.getRuntime().availableProcessors(), Runtime.version()));
        out.append(String.format(Locale.ROOT, "Before it, not measured: %d s at the same rate for the functions to"
                        + " scale out, %d requests answered, %d failed, %d shed; p99 %.1f ms%n%n",
                rampUp.elapsedNanos() / 1_000_000_000, rampUp.sent(), rampUp.errors(), rampUp.shed(),
                rampUp.all().percentileMillis(99)));
        out.append(String.format(Locale.ROOT, "%d requests answered (%.1f/s), %d failed, %d shed; %d flights;"
                        + " %d alerts issued, %d texts in the outbox%n%n", result.sent(), result.requestsPerSecond(),
                result.errors(), result.shed(), flights, alertsIssued, texts));
        out.append("| operation | requests | p50 ms | p99 ms | p99.9 ms |\n|---|---:|---:|---:|---:|\n");
        result.latencies().forEach((operation, latencies) -> out.append(row(operation.name(), latencies)));
        out.append(row("all", result.all()));
        out.append(String.format(Locale.ROOT, "%n| sampled | first | last | max |%n|---|---:|---:|---:|%n"));
        out.append(sampleRow("platform RSS MiB", ProcessSampler.Sample::platformRssKib, 1024));
        out.append(sampleRow("platform + functions + database RSS MiB", ProcessSampler.Sample::treeRssKib, 1024));
        out.append(sampleRow("platform threads", s -> s.platformThreads(), 1));
        out.append(sampleRow("platform open files", s -> s.platformFds(), 1));
        out.append(sampleRow("processes", s -> s.processes(), 1));
        out.append(String.format(Locale.ROOT, "%nMean RSS of the platform and its processes: %d MiB over the first"
                + " minute, %d MiB over the last (%.2f×)%n", firstMinuteTreeRssKib() / 1024,
                lastMinuteTreeRssKib() / 1024, (double) lastMinuteTreeRssKib() / firstMinuteTreeRssKib()));
        return out.toString();
    }

    /** Mean RSS of the whole tree over the first minute of samples (all of them if shorter). */
    long firstMinuteTreeRssKib() {
        long from = samples.get(0).atMillis();
        return mean(samples.stream().filter(s -> s.atMillis() - from < MINUTE_MILLIS).toList());
    }

    long lastMinuteTreeRssKib() {
        long to = samples.get(samples.size() - 1).atMillis();
        return mean(samples.stream().filter(s -> to - s.atMillis() < MINUTE_MILLIS).toList());
    }

    private static long mean(List<ProcessSampler.Sample> window) {
        return (long) window.stream().mapToLong(ProcessSampler.Sample::treeRssKib).average().orElse(0);
    }

    private static String row(String name, LatencyRecorder latencies) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", name, latencies.count(),
                latencies.percentileMillis(50), latencies.percentileMillis(99), latencies.percentileMillis(99.9));
    }

    private String sampleRow(String name, ToLongFunction<ProcessSampler.Sample> value, long divisor) {
        long first = value.applyAsLong(samples.get(0));
        long last = value.applyAsLong(samples.get(samples.size() - 1));
        long max = samples.stream().mapToLong(value).max().orElse(0);
        return String.format(Locale.ROOT, "| %s | %d | %d | %d |%n", name, first / divisor, last / divisor, max / divisor);
    }
}
