package com.flightwatch.platform.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The part of the server's log written since one start began: the server says there whether it is
 * ready or why it gave up, and its output goes to a file rather than a pipe so that it never
 * blocks, nor dies of SIGPIPE, when the JVM that started it is gone.
 */
final class ServerLog {

    static final String READY = "ready for connections.";
    static final String ABORTED = "[ERROR] Aborting";
    private static final long ROTATE_ABOVE_BYTES = 10L * 1024 * 1024;

    private final Path file;
    private final long startOffset;

    private ServerLog(Path file, long startOffset) {
        this.file = file;
        this.startOffset = startOffset;
    }

    /** Marks where this start's output will begin; a log grown too large is started afresh. */
    static ServerLog from(Path file) throws IOException {
        if (Files.exists(file) && Files.size(file) > ROTATE_ABOVE_BYTES) {
            Files.move(file, file.resolveSibling(file.getFileName() + ".old"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return new ServerLog(file, Files.exists(file) ? Files.size(file) : 0);
    }

    Path file() {
        return file;
    }

    String sinceStart() {
        if (!Files.exists(file)) {
            return "";
        }
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long length = log.length() - startOffset;
            if (length <= 0) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length, Integer.MAX_VALUE - 8)];
            log.seek(startOffset);
            log.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Could not read the MariaDB log " + file, e);
        }
    }

    String tail(int lines) {
        List<String> all = Arrays.asList(sinceStart().split("\n"));
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
