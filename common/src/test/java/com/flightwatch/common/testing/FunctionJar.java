package com.flightwatch.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a single-file Java program in a fresh JVM whose class path is one function jar and nothing
 * else, with the environment a Lambda would give it: proof that the jar is self-contained and that
 * the no-argument constructor wires itself from the environment.
 */
public final class FunctionJar {

    /** How the program ended and everything it printed (stdout and stderr together). */
    public record Result(int exitCode, String output) {
    }

    private FunctionJar() {
    }

    public static Result run(Path jar, Path program, Map<String, String> environment, Duration timeout) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the package phase first");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-cp", jar.toString(), program.toString()))
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("DB_"));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
