package com.flightwatch.platform.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What a function process writes to stdout and stderr (merged), collected in a file the process
 * appends to. A file rather than a pipe: every byte the process wrote before it answered the
 * Runtime API is already in the file when the answer arrives, so each invocation gets exactly its
 * own output with no waiting. {@link #take} returns at most {@code maxBytes} (the newest), marked
 * when truncated, and marked when the disk is full ({@link OutputSpace}).
 */
final class OutputCapture implements AutoCloseable {

    static final String TRUNCATED_MARK = "[... output truncated ...]\n";
    /** The file is emptied once it grows past this, between invocations; the process appends, so it follows. */
    private static final long RESET_BYTES = 1024 * 1024;

    private final Path file;
    private final int maxBytes;
    private final FileChannel channel;
    private final OutputSpace space;
    private long offset;

    /**
     * @param file  the file the process's output is redirected to, in append mode
     * @param space the disk it is on, which may fill up
     */
    OutputCapture(Path file, int maxBytes, OutputSpace space) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.space = space;
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the output file " + file, e);
        }
    }

    /** @return the output written since the last call, and forgets it */
    synchronized String take() {
        try {
            long size = channel.size();
            long length = size - offset;
            boolean truncated = length > maxBytes;
            long from = truncated ? size - maxBytes : offset;
            ByteBuffer bytes = ByteBuffer.allocate((int) (size - from));
            while (bytes.hasRemaining() && channel.read(bytes, from + bytes.position()) >= 0) {
                // Reads until the buffer is full: the file does not shrink while we read.
            }
            offset = size;
            if (offset > RESET_BYTES) {
                channel.truncate(0);
                offset = 0;
            }
            String text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
            // On a full disk the process's writes failed: what is here may be only part of what it wrote.
            String dropped = space.full() ? OutputSpace.DROPPED_MARK : "";
            return (truncated ? TRUNCATED_MARK + text : text) + dropped;
        } catch (IOException e) {
            return "[output unavailable: " + e.getMessage() + "]\n";
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover log file in the runtime's temporary directory is removed with it.
        }
    }
}
