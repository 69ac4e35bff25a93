package com.flightwatch.platform.store;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and stops a {@code mariadbd} left running on a data directory by a process that is gone.
 * Such a server holds the InnoDB locks, and a new server on the same directory would wait for
 * them and fail. Only a server started with exactly {@code --datadir=<this directory>} is touched,
 * and only when no living JVM owns it.
 */
final class OrphanedServers {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedServers.class);
    static final String WRAPPER_NAME = "mariadbd-wrapper";
    private static final long TERM_GRACE_MILLIS = 15_000;

    private OrphanedServers() {
    }

    static List<ProcessHandle> runningOn(Path dataDir) {
        String datadirArgument = "--datadir=" + dataDir;
        return ProcessHandle.allProcesses()
                .filter(process -> isMariaDbServer(process, datadirArgument))
                .toList();
    }

    /**
     * Stops every orphaned server on {@code dataDir}: TERM lets InnoDB shut down cleanly; KILL only
     * if it will not.
     *
     * @throws EmbeddedDatabaseException when a live JVM still runs a server there: another
     *     platform uses the directory, and stopping its database under it would be wrong
     */
    static void stopAllOn(Path dataDir) {
        for (ProcessHandle orphan : runningOn(dataDir)) {
            Optional<ProcessHandle> owner = livingOwner(orphan);
            if (owner.isPresent()) {
                throw new EmbeddedDatabaseException("The MariaDB data directory " + dataDir + " is in use by the server"
                        + " of process " + owner.get().pid() + ": stop that platform first, or use another data directory");
            }
            LOG.warn("Stopping an orphaned MariaDB server (pid {}) still holding {}", orphan.pid(), dataDir);
            orphan.destroy();
            if (!awaitExit(orphan, TERM_GRACE_MILLIS)) {
                LOG.warn("MariaDB server {} ignored TERM for {} ms; killing it", orphan.pid(), TERM_GRACE_MILLIS);
                orphan.destroyForcibly();
                awaitExit(orphan, TERM_GRACE_MILLIS);
            }
        }
    }

    /**
     * Polls rather than using {@code onExit()}: for a process that is not our child the JDK checks
     * only every 300 ms and more, and a clean shutdown takes about that long in all.
     */
    private static boolean awaitExit(ProcessHandle process, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (process.isAlive()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddedDatabaseException("Interrupted while stopping the orphaned MariaDB server " + process.pid(), e);
            }
        }
        return true;
    }

    /** The JVM that runs the server through its wrapper, if that JVM is still alive. */
    private static Optional<ProcessHandle> livingOwner(ProcessHandle server) {
        return server.parent()
                .filter(wrapper -> wrapper.info().arguments().map(args -> Arrays.asList(args).contains(WRAPPER_NAME)).orElse(false))
                .flatMap(ProcessHandle::parent)
                .filter(owner -> owner.isAlive() && owner.info().command().map(c -> c.endsWith("/java")).orElse(false));
    }

    private static boolean isMariaDbServer(ProcessHandle process, String datadirArgument) {
        ProcessHandle.Info info = process.info();
        boolean isServer = info.command().map(command -> command.endsWith("/mariadbd")).orElse(false);
        return isServer && info.arguments().map(args -> Arrays.asList(args).contains(datadirArgument)).orElse(false);
    }
}
