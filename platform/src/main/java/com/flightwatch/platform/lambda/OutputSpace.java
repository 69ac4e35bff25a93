package com.flightwatch.platform.lambda;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The free space of the disk that holds function output (the runtime directory). On a full disk a
 * function's writes to stdout and stderr fail inside its own JVM and its output is lost, while the
 * invocation itself goes on; the platform keeps serving, says so once in its log (and once more
 * when space is back), and marks the logs of every invocation that ends while the disk is full.
 */
final class OutputSpace {

    static final String DROPPED_MARK = "[... output dropped: no space left on the disk for function logs ...]\n";
    /** Below this the disk counts as full: less than one invocation's worth of captured output. */
    private static final long LOW_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(OutputSpace.class);

    private final Path directory;
    private final FileStore store;
    private final AtomicBoolean full = new AtomicBoolean();

    OutputSpace(Path directory) {
        this.directory = directory;
        FileStore found;
        try {
            found = Files.getFileStore(directory);
        } catch (IOException e) {
            LOG.debug("Cannot watch the free space under {}: {}", directory, e.toString());
            found = null;
        }
        this.store = found;
    }

    /** Whether the disk is full now (one statvfs call); logs the change when it becomes full or has room again. */
    boolean full() {
        if (store == null) {
            return false;
        }
        boolean nowFull;
        try {
            nowFull = store.getUsableSpace() < LOW_BYTES;
        } catch (IOException e) {
            return false;
        }
        if (nowFull && full.compareAndSet(false, true)) {
            LOG.warn("The disk holding function output ({}) is full: function logs are dropped until space returns",
                    directory);
        } else if (!nowFull && full.compareAndSet(true, false)) {
            LOG.info("The disk holding function output ({}) has room again: function logs are kept", directory);
        }
        return nowFull;
    }
}
