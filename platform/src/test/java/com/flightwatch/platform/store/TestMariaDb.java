package com.flightwatch.platform.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Embedded MariaDB servers for integration tests: binaries shared with the platform, data under target/it-db. */
public final class TestMariaDb {

    private TestMariaDb() {
    }

    /** Where the binaries are unpacked: the platform's own default, so a machine unpacks them once. */
    public static Path baseDir() {
        String override = System.getProperty("flightwatch.mariadb.base");
        return override != null ? Path.of(override) : Path.of(System.getProperty("user.home"), ".flightwatch", "mariadb");
    }

    /** An empty data directory {@code target/it-db/<name>}, freed of any server a killed test run left on it. */
    public static Path freshDataDir(String name) {
        Path dataDir = Path.of("target", "it-db", name).toAbsolutePath().normalize();
        OrphanedServers.stopAllOn(dataDir);
        deleteRecursively(dataDir);
        return dataDir;
    }

    /** A server on a fresh data directory, on a free port. */
    public static EmbeddedMariaDb startFresh(String name) {
        return EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(baseDir(), freshDataDir(name), 0));
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
