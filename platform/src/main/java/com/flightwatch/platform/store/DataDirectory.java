package com.flightwatch.platform.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB data directory: created by {@code mariadb-install-db} the first time, then reused. The
 * "installed" marker is written only after the install succeeded, so an install cut short is redone
 * ({@code --force}) instead of leaving a server that cannot start.
 */
final class DataDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    private static final String INSTALLED_MARKER = ".flightwatch-installed";
    private static final long INSTALL_TIMEOUT_SECONDS = 120;

    private DataDirectory() {
    }

    static boolean isInstalled(Path dataDir) {
        return Files.exists(dataDir.resolve(INSTALLED_MARKER));
    }

    static void installIfMissing(MariaDbBinaries binaries, Path dataDir) {
        if (isInstalled(dataDir)) {
            return;
        }
        long started = System.nanoTime();
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-install.log");
        try {
            Files.createDirectories(dataDir);
            ProcessBuilder install = new ProcessBuilder(List.of(
                    binaries.installScript().toString(),
                    "--no-defaults",
                    "--datadir=" + dataDir,
                    "--basedir=" + binaries.baseDir(),
                    "--force",
                    "--skip-name-resolve",
                    "--auth-root-authentication-method=normal"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            install.environment().put("LD_LIBRARY_PATH", binaries.libraries().toString());
            Process process = install.start();
            process.getOutputStream().close();
            if (!process.waitFor(INSTALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new EmbeddedDatabaseException("mariadb-install-db did not finish in "
                        + INSTALL_TIMEOUT_SECONDS + " s; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new EmbeddedDatabaseException("mariadb-install-db failed with exit code "
                        + process.exitValue() + " for " + dataDir + "; see " + log);
            }
            Files.writeString(dataDir.resolve(INSTALLED_MARKER), MariaDbBinaries.VERSION + "\n");
            Files.deleteIfExists(log);
            LOG.info("Created a MariaDB data directory at {} in {} ms", dataDir, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Could not create the MariaDB data directory " + dataDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedDatabaseException("Interrupted while creating the MariaDB data directory " + dataDir, e);
        }
    }
}
