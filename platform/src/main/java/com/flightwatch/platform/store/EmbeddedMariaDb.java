package com.flightwatch.platform.store;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server run from this JVM, on loopback, with a data directory that survives restarts and
 * crashes. The server runs under a small shell wrapper that holds the read end of a pipe whose
 * write end only this JVM holds: when the JVM ends, however it ends, the pipe closes and the wrapper
 * stops the server cleanly, so no orphan keeps the data directory locked.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    /**
     * @param baseDir where the binaries are unpacked, once; shareable by every data directory
     * @param dataDir the databases; give each platform a directory of its own, not under java.io.tmpdir
     * @param port    0 picks a free port at every start
     */
    public record Settings(Path baseDir, Path dataDir, int port) {
        public Settings {
            Objects.requireNonNull(baseDir, "baseDir");
            Objects.requireNonNull(dataDir, "dataDir");
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 (any free port) or 1..65535, was " + port);
            }
            baseDir = baseDir.toAbsolutePath().normalize();
            dataDir = dataDir.toAbsolutePath().normalize();
        }
    }

    public static final String USER = "root";
    public static final String PASSWORD = "";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final String STOP_WHEN_STDIN_CLOSES = """
            "$@" &
            server=$!
            cat >/dev/null
            kill -TERM "$server" 2>/dev/null
            wait "$server"
            """;
    private static final int MAX_UNIX_SOCKET_PATH = 100;
    private static final long READY_TIMEOUT_MILLIS = 120_000;
    private static final long STOP_TIMEOUT_SECONDS = 60;
    private static final int PORT_ATTEMPTS = 3;

    private final Settings settings;
    private final Process wrapper;
    private final OutputStream lifeline;
    private final int port;

    private EmbeddedMariaDb(Settings settings, Process wrapper, int port) {
        this.settings = settings;
        this.wrapper = wrapper;
        this.lifeline = wrapper.getOutputStream();
        this.port = port;
    }

    /** Unpacks (first time), installs (new data directory), stops an orphan on the directory, starts, waits until ready. */
    public static EmbeddedMariaDb start(Settings settings) {
        long started = System.nanoTime();
        warnIfTemporary(settings.dataDir());
        MariaDbBinaries binaries = MariaDbBinaries.unpackOnce(settings.baseDir());
        OrphanedServers.stopAllOn(settings.dataDir());
        DataDirectory.installIfMissing(binaries, settings.dataDir());
        for (int attempt = 1; ; attempt++) {
            int port = settings.port() == 0 ? freeLoopbackPort() : settings.port();
            try {
                EmbeddedMariaDb db = launch(binaries, settings, port);
                LOG.info("MariaDB {} ready on 127.0.0.1:{} in {} ms (data: {})", MariaDbBinaries.VERSION, port,
                        (System.nanoTime() - started) / 1_000_000, settings.dataDir());
                return db;
            } catch (PortTakenException e) {
                if (settings.port() != 0 || attempt == PORT_ATTEMPTS) {
                    throw new EmbeddedDatabaseException("MariaDB could not listen on port " + port
                            + ": it is taken by another process", e);
                }
                LOG.info("Port {} was taken before MariaDB could bind it; trying another", port);
            }
        }
    }

    public int port() {
        return port;
    }

    public Settings settings() {
        return settings;
    }

    /** A MySQL Connector/J URL for {@code database}, created on first connection. User {@link #USER}, no password. */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?sslMode=DISABLED&createDatabaseIfNotExist=true&rewriteBatchedStatements=true&allowPublicKeyRetrieval=true";
    }

    /** Shuts the server down cleanly (InnoDB flushed) and waits for it. */
    @Override
    public void close() {
        long started = System.nanoTime();
        try {
            lifeline.close();
            if (!wrapper.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("MariaDB did not stop within {} s; killing it", STOP_TIMEOUT_SECONDS);
                OrphanedServers.runningOn(settings.dataDir()).forEach(ProcessHandle::destroyForcibly);
                wrapper.destroyForcibly().waitFor();
            }
            LOG.info("MariaDB on port {} stopped in {} ms", port, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Could not signal MariaDB to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedDatabaseException("Interrupted while waiting for MariaDB to stop", e);
        }
    }

    private static void warnIfTemporary(Path dataDir) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (dataDir.startsWith(tmp)) {
            LOG.warn("The MariaDB data directory {} is under {}: the system may delete it; choose another to keep data",
                    dataDir, tmp);
        }
    }

    private static EmbeddedMariaDb launch(MariaDbBinaries binaries, Settings settings, int port) {
        Path dataDir = settings.dataDir();
        try {
            ServerLog log = ServerLog.from(dataDir.resolve("mariadbd.log"));
            List<String> command = new ArrayList<>(List.of("setsid", "sh", "-c", STOP_WHEN_STDIN_CLOSES, OrphanedServers.WRAPPER_NAME));
            command.addAll(serverCommand(binaries, dataDir, port));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()));
            builder.environment().put("LD_LIBRARY_PATH", binaries.libraries().toString());
            Process wrapper = builder.start();
            EmbeddedMariaDb db = new EmbeddedMariaDb(settings, wrapper, port);
            awaitReady(db, log);
            return db;
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Could not start MariaDB from " + binaries.server(), e);
        }
    }

    private static List<String> serverCommand(MariaDbBinaries binaries, Path dataDir, int port) {
        List<String> command = new ArrayList<>(List.of(
                binaries.server().toString(),
                "--no-defaults",
                "--basedir=" + binaries.baseDir(),
                "--datadir=" + dataDir,
                "--tmpdir=" + System.getProperty("java.io.tmpdir"),
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + socketPath(dataDir),
                "--pid-file=" + dataDir.resolve("mariadbd.pid"),
                "--skip-ssl",
                "--skip-grant-tables",
                "--innodb-flush-log-at-trx-commit=1",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
        return command;
    }

    /** Unix socket paths are limited to ~107 bytes; a deep data directory gets a short path elsewhere. */
    private static String socketPath(Path dataDir) {
        String inDataDir = dataDir.resolve("mariadbd.sock").toString();
        if (inDataDir.length() <= MAX_UNIX_SOCKET_PATH) {
            return inDataDir;
        }
        String name = "flightwatch-mariadb-" + Integer.toHexString(dataDir.toString().hashCode()) + ".sock";
        return Path.of(System.getProperty("java.io.tmpdir"), name).toString();
    }

    private static void awaitReady(EmbeddedMariaDb db, ServerLog log) {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
        while (true) {
            String output = log.sinceStart();
            if (output.contains(ServerLog.READY)) {
                return;
            }
            if (output.contains(ServerLog.ABORTED) || !db.wrapper.isAlive() || System.currentTimeMillis() > deadline) {
                db.closeQuietly();
                if (output.contains("Address already in use")) {
                    throw new PortTakenException();
                }
                throw new EmbeddedDatabaseException("MariaDB did not start on " + db.settings.dataDir()
                        + ". Last lines of " + log.file() + ":\n" + log.tail(15));
            }
            pause();
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            LOG.debug("Ignoring a failure to stop a server that did not start", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedDatabaseException("Interrupted while waiting for MariaDB to start", e);
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("No free loopback port for MariaDB", e);
        }
    }

    private static final class PortTakenException extends RuntimeException {
        PortTakenException() {
            super(null, null, false, false);
        }
    }
}
