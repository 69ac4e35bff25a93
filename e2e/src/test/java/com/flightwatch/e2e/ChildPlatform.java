package com.flightwatch.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code flightwatch up} in a JVM of its own, as a user starts it (process isolation, the embedded
 * database on {@code dataDir}), on free ports; what it printed goes to a log file. The test reads
 * the gateway, the API key, the control plane and the database port from its start-up banner, and
 * can {@link #kill()} it with SIGKILL.
 */
final class ChildPlatform implements AutoCloseable {

    private static final Path CDK_OUT = Path.of("..", "infra-cdk", "cdk.out").toAbsolutePath();
    private static final Duration START_DEADLINE = Duration.ofSeconds(120);
    private static final Pattern API = Pattern.compile("^\\s*API\\s+(http://\\S+)", Pattern.MULTILINE);
    private static final Pattern API_KEY = Pattern.compile("x-api-key: (\\S+)");
    private static final Pattern CONTROL = Pattern.compile("^\\s*Control\\s+(http://\\S+)", Pattern.MULTILINE);
    private static final Pattern DATABASE_PORT = Pattern.compile("embedded MariaDB on 127\\.0\\.0\\.1:(\\d+)");
    private static final String READY_LINE = "Send requests with the header x-api-key";

    private final Process process;
    private final Path log;
    final String gatewayUrl;
    final String apiKey;
    final String controlUrl;
    final int databasePort;
    /** From the launch of the JVM to its banner. */
    final long startMillis;

    private ChildPlatform(Process process, Path log, String banner, long startMillis) {
        this.process = process;
        this.log = log;
        this.gatewayUrl = find(API, banner);
        this.apiKey = find(API_KEY, banner);
        this.controlUrl = find(CONTROL, banner);
        this.databasePort = Integer.parseInt(find(DATABASE_PORT, banner));
        this.startMillis = startMillis;
    }

    /**
     * Starts {@code flightwatch up} on the test's own classpath (the platform version under test) and
     * waits for its banner. @param log appended to, so a restart's output follows the first run's
     * @param extraArguments more options of {@code flightwatch up}, e.g. {@code --no-usage-plans}
     */
    static ChildPlatform start(Path dataDir, Path log, String... extraArguments) {
        if (!Files.isDirectory(CDK_OUT)) {
            throw new IllegalStateException(CDK_OUT + " is missing: build infra-cdk first (mvn -DskipTests package runs cdk synth)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                // What platform.jar's manifest (Add-Opens) gives `java -jar`: thread isolation needs them.
                "--add-opens", "java.base/java.util=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                "com.flightwatch.platform.cli.FlightwatchCli", "up",
                "--stack", CDK_OUT.toString(), "--data-dir", dataDir.toString(),
                "--port", "0", "--control-port", "0"));
        command.addAll(List.of(extraArguments));
        long started = System.nanoTime();
        long logStart = sizeOf(log);
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command, e);
        }
        String banner = awaitBanner(process, log, logStart);
        return new ChildPlatform(process, log, banner, (System.nanoTime() - started) / 1_000_000);
    }

    /** The platform JVM and everything it started (function instances, the database wrapper). */
    List<ProcessHandle> processTree() {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        return tree;
    }

    long pid() {
        return process.pid();
    }

    /**
     * SIGKILL of the platform JVM (what {@link Process#destroyForcibly} sends on Linux), and waits for it to end.
     * @return the processes it had started that are still alive {@code grace} later
     */
    List<ProcessHandle> kill(Duration grace) throws InterruptedException {
        List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The platform JVM " + process.pid() + " survived SIGKILL");
        }
        long deadline = System.nanoTime() + grace.toNanos();
        List<ProcessHandle> alive = children.stream().filter(ProcessHandle::isAlive).toList();
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            alive = alive.stream().filter(ProcessHandle::isAlive).toList();
        }
        return alive;
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops it as Ctrl-C would, then kills what is left: a test never leaves a platform behind. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.isAlive() ? new ArrayList<>(process.descendants().toList()) : List.of();
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static String awaitBanner(Process process, Path log, long from) {
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            String output = readFrom(log, from);
            if (output.contains(READY_LINE)) {
                return output;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("flightwatch up exited with " + process.exitValue() + ":\n" + output);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IllegalStateException("Interrupted while the platform started", e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("flightwatch up printed no banner within " + START_DEADLINE + ":\n"
                + readFrom(log, from));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String readFrom(Path log, long from) {
        try {
            byte[] bytes = Files.readAllBytes(log);
            int start = (int) Math.min(from, bytes.length);
            return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String find(Pattern pattern, String banner) {
        Matcher matcher = pattern.matcher(banner);
        if (!matcher.find()) {
            throw new IllegalStateException("The banner has no " + pattern + ":\n" + banner);
        }
        return matcher.group(1);
    }
}
