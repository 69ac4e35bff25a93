package com.flightwatch.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.lambda.HandlerJars;
import com.flightwatch.platform.lambda.InvocationDetails;
import com.flightwatch.platform.lambda.InvocationStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk for function logs full: the platform's runtime directory (where function output goes) on
 * a 4 MB tmpfs the test mounts and then fills. Functions keep running and answering; their output is
 * dropped, the activation's logs say so, and the platform warns once. Needs {@code mount} (root);
 * skipped where it cannot mount.
 */
class FullDiskIT {

    private static final String TMPFS_SIZE = "4m";

    @TempDir
    static Path jars;
    private Path mountPoint;

    @BeforeEach
    void mountTinyDisk() throws Exception {
        mountPoint = Files.createDirectories(Path.of("target", "faults-full-disk").toAbsolutePath());
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + TMPFS_SIZE, "tmpfs",
                mountPoint.toString()).redirectErrorStream(true).start();
        boolean mounted = mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0;
        Assumptions.assumeTrue(mounted, () -> "cannot mount a tmpfs here: " + output(mount));
    }

    @AfterEach
    void unmount() throws Exception {
        if (mountPoint != null) {
            new ProcessBuilder("umount", "-l", mountPoint.toString()).redirectErrorStream(true).start()
                    .waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void invoke_diskForLogsFull_functionsKeepAnsweringAndTheirLogsAreMarkedDropped() {
        Path handlers = HandlerJars.build(jars, "full-disk", Map.of(), "LogFloodHandler", "HangingHandler");
        try (FaultPlatform platform = onDisk(mountPoint)) {
            platform.deploy("writer", "example.LogFloodHandler", 256, 30, handlers);
            platform.deploy("quiet", "example.HangingHandler", 128, 10, handlers);
            InvocationDetails before = platform.invoke("writer", "{\"megabytes\": 1}");
            assertThat(before.result().status()).isEqualTo(InvocationStatus.SUCCESS);
            assertThat(before.logs()).endsWith("flood over after 1024 lines\n");

            fill(mountPoint);
            InvocationDetails writing = platform.invoke("writer", "{\"megabytes\": 2}");
            InvocationDetails quiet = platform.invoke("quiet", "{}");

            assertThat(writing.result().status()).as(writing.result().errorMessage()).isEqualTo(InvocationStatus.SUCCESS);
            assertThat(new String(writing.result().payload())).isEqualTo("\"flooded 2 MB\"");
            assertThat(writing.logs()).doesNotContain("flood over").endsWith(
                    "[... output dropped: no space left on the disk for function logs ...]\n");
            assertThat(platform.activation(writing.result().requestId()).logs()).contains("output dropped");
            assertThat(quiet.result().status()).as("a cold start on the full disk").isEqualTo(InvocationStatus.SUCCESS);
        }
    }

    /** A platform whose runtime directory is made under {@code root}: the JDK's temporary directory, while it starts. */
    private static FaultPlatform onDisk(Path root) {
        String tmpdir = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", root.toString());
        try {
            return new FaultPlatform(Duration.ofMinutes(10));
        } finally {
            System.setProperty("java.io.tmpdir", tmpdir);
        }
    }

    /** Writes a file until the disk refuses more. */
    private static void fill(Path disk) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream filler = Files.newOutputStream(disk.resolve("filler"))) {
            while (true) {
                filler.write(block);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).as("filled up").containsIgnoringCase("space");
        }
    }

    private static String output(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
