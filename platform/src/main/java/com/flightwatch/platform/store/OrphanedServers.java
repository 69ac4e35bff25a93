package com.flightwatch.platform.store;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and stops a {@code mariadbd} left running on a data directory by a process that is gone.
 * Such a server holds the InnoDB locks, and a new server on the same directory would wait for
 * them and fail. Only a server started with exactly {@code --datadir=<this directory>} is touched.
 */
final class OrphanedServers {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedServers.class);
    private static final long TERM_GRACE_SECONDS = 15;

    private OrphanedServers() {
    }

    static List<ProcessHandle> runningOn(Path dataDir) {
        String datadirArgument = "--datadir=" + dataDir;
        return ProcessHandle.allProcesses()
                .filter(process -> isMariaDbServer(process, datadirArgument))
                .toList();
    }

    /** Stops every server on {@code dataDir}: TERM lets InnoDB shut down cleanly; KILL only if it will not. */
    static void stopAllOn(Path dataDir) {
        for (ProcessHandle orphan : runningOn(dataDir)) {
            LOG.warn("Stopping an orphaned MariaDB server (pid {}) still holding {}", orphan.pid(), dataDir);
            orphan.destroy();
            try {
                orphan.onExit().get(TERM_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddedDatabaseException("Interrupted while stopping the orphaned MariaDB server " + orphan.pid(), e);
            } catch (Exception e) {
                LOG.warn("MariaDB server {} ignored TERM for {} s; killing it", orphan.pid(), TERM_GRACE_SECONDS);
                orphan.destroyForcibly();
                orphan.onExit().join();
            }
        }
    }

    private static boolean isMariaDbServer(ProcessHandle process, String datadirArgument) {
        ProcessHandle.Info info = process.info();
        boolean isServer = info.command().map(command -> command.endsWith("/mariadbd")).orElse(false);
        return isServer && info.arguments().map(args -> Arrays.asList(args).contains(datadirArgument)).orElse(false);
    }
}
