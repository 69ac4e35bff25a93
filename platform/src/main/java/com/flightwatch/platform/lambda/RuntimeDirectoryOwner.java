package com.flightwatch.platform.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The platform process a runtime directory belongs to: its pid and start time, written into the
 * directory as {@value #FILE_NAME} so a later platform can tell a directory left behind by a killed
 * one (its owner gone, or its pid reused by another process) from one still in use.
 */
record RuntimeDirectoryOwner(long pid, long startEpochMillis) {

    static final String FILE_NAME = "owner";

    static RuntimeDirectoryOwner current() {
        return of(ProcessHandle.current()).orElseThrow(
                () -> new IllegalStateException("This JVM cannot tell its own start time"));
    }

    /** The owner record of a live process, when the system tells its start time. */
    static Optional<RuntimeDirectoryOwner> of(ProcessHandle process) {
        return process.info().startInstant().map(start -> new RuntimeDirectoryOwner(process.pid(), start.toEpochMilli()));
    }

    void writeTo(Path directory) throws IOException {
        Files.writeString(directory.resolve(FILE_NAME), pid + " " + startEpochMillis + "\n", StandardCharsets.UTF_8);
    }

    /** @return the recorded owner, empty when the file is missing or unreadable */
    static Optional<RuntimeDirectoryOwner> readFrom(Path directory) {
        try {
            String[] fields = Files.readString(directory.resolve(FILE_NAME), StandardCharsets.UTF_8).trim().split(" ");
            return Optional.of(new RuntimeDirectoryOwner(Long.parseLong(fields[0]), Long.parseLong(fields[1])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the recorded process still runs: same pid, same start time (a second's slack for rounding). */
    boolean alive() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).flatMap(handle -> handle.info().startInstant())
                .map(Instant::toEpochMilli).map(start -> Math.abs(start - startEpochMillis) < 1000).orElse(false);
    }
}
