package com.flightwatch.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a process tree holds, from Linux's {@code /proc}: resident memory of the platform JVM and
 * of everything it started (function instances, the database), and the platform JVM's threads and
 * open file descriptors, the numbers that grow when something leaks.
 */
final class ProcessSampler {

    /** One sample. RSS in KiB. */
    record Sample(long atMillis, long platformRssKib, long treeRssKib, int platformThreads, int platformFds,
                  int processes) {
    }

    private final long startNanos = System.nanoTime();

    Sample sample(long platformPid, List<ProcessHandle> tree) {
        long treeRss = 0;
        int alive = 0;
        for (ProcessHandle process : tree) {
            if (process.isAlive()) {
                treeRss += statusField(process.pid(), "VmRSS:");
                alive++;
            }
        }
        return new Sample((System.nanoTime() - startNanos) / 1_000_000, statusField(platformPid, "VmRSS:"), treeRss,
                (int) statusField(platformPid, "Threads:"), openFiles(platformPid), alive);
    }

    /** A numeric field of {@code /proc/PID/status} (kB for memory); 0 when the process is gone. */
    private static long statusField(long pid, String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(line -> line.startsWith(field)).findFirst()
                    .map(line -> Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0])).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static int openFiles(long pid) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return (int) fds.count();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
