package com.flightwatch.platform.lambda;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the runtime directories ({@code /tmp/flightwatch-runtime-*}, about 1 MB each) that platforms
 * killed by SIGKILL left behind: those whose recorded owner no longer runs. A directory without an
 * owner file is removed only when it is older than {@link #UNOWNED_GRACE} (a day): it may belong to a
 * platform that is writing its owner file this very moment, or to one from before owners were recorded.
 */
final class StaleRuntimeDirectories {

    static final Duration UNOWNED_GRACE = Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger(StaleRuntimeDirectories.class);

    private StaleRuntimeDirectories() {
    }

    /** @return how many directories were removed; failures are logged and skipped, never thrown */
    static int removeFrom(Path root, String prefix) {
        int removed = 0;
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(root, prefix + "*")) {
            for (Path candidate : candidates) {
                if (Files.isDirectory(candidate) && stale(candidate) && delete(candidate)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.debug("Cannot look for stale runtime directories in {}: {}", root, e.toString());
        }
        if (removed > 0) {
            LOG.info("Removed {} runtime director{} left by platforms that are gone", removed, removed == 1 ? "y" : "ies");
        }
        return removed;
    }

    private static boolean stale(Path directory) throws IOException {
        Optional<RuntimeDirectoryOwner> owner = RuntimeDirectoryOwner.readFrom(directory);
        if (owner.isPresent()) {
            return !owner.get().alive();
        }
        FileTime modified = Files.getLastModifiedTime(directory);
        return modified.toInstant().isBefore(Instant.now().minus(UNOWNED_GRACE));
    }

    private static boolean delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
            return true;
        } catch (IOException e) {
            LOG.debug("Cannot remove the stale runtime directory {}: {}", directory, e.toString());
            return false;
        }
    }
}
