package com.flightwatch.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.activations.Activation;
import com.flightwatch.platform.activations.Activations;
import com.flightwatch.platform.lambda.HandlerJars;
import com.flightwatch.platform.lambda.InvocationDetails;
import com.flightwatch.platform.lambda.InvocationStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function that writes 50 MB of logs in one invocation: the platform keeps answering (another
 * function's warm invocations run to completion meanwhile), the activation keeps the last 64 KB
 * behind a truncation mark, and neither the platform's heap nor its disk keeps the flood.
 */
class LogFloodIT {

    private static final int FLOOD_MB = 50;
    private static final String FUNCTION = "logflood";

    @TempDir
    static Path jars;

    @Test
    void invoke_functionWrites50MbOfLogs_platformStaysResponsiveAndKeepsTheLast64KbMarkedTruncated() throws Exception {
        Path handlers = HandlerJars.build(jars, "flooding", Map.of(), "LogFloodHandler", "HangingHandler");
        try (FaultPlatform platform = new FaultPlatform(Duration.ofMinutes(10))) {
            platform.deploy(FUNCTION, "example.LogFloodHandler", 256, 60, handlers);
            platform.deploy("quiet", "example.HangingHandler", 128, 10, handlers);
            assertThat(platform.invoke("quiet", "{}").result().succeeded()).isTrue();
            long heapBefore = LeakingFunctionIT.heapUsedAfterGc();

            CompletableFuture<InvocationDetails> flood = CompletableFuture.supplyAsync(
                    () -> platform.invoke(FUNCTION, "{\"megabytes\": " + FLOOD_MB + "}"));
            List<InvocationDetails> meanwhile = new ArrayList<>();
            do {
                meanwhile.add(platform.invoke("quiet", "{}"));
            } while (!flood.isDone());
            InvocationDetails flooded = flood.join();

            assertThat(flooded.result().status()).as(flooded.result().errorMessage()).isEqualTo(InvocationStatus.SUCCESS);
            assertThat(meanwhile).as("warm invocations of another function during the flood")
                    .allSatisfy(call -> assertThat(call.result().succeeded()).isTrue());
            Activation record = platform.activation(flooded.result().requestId());
            assertThat(record.logs().getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(Activations.MAX_TEXT_BYTES + 64);
            assertThat(record.logs()).startsWith("[... output truncated ...]")
                    .endsWith("flood over after " + FLOOD_MB * 1024 + " lines\n");
            assertThat(LeakingFunctionIT.heapUsedAfterGc() - heapBefore).as("the platform's heap")
                    .isLessThan(FLOOD_MB * 1024L * 1024 / 2);
            assertThat(outputFileBytes()).as("the instance's output file, emptied once read").isLessThan(1024 * 1024);
        }
    }

    /** The size of the flooding instance's output file in this platform's runtime directory. */
    private static long outputFileBytes() {
        try (DirectoryStream<Path> runtimes = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")),
                "flightwatch-runtime-*")) {
            long bytes = 0;
            boolean found = false;
            for (Path runtime : runtimes) {
                Path output = runtime.resolve("output").resolve(FUNCTION + "-1.log");
                if (Files.exists(output)) {
                    bytes = Math.max(bytes, Files.size(output));
                    found = true;
                }
            }
            assertThat(found).as("the output file of " + FUNCTION + "-1").isTrue();
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
