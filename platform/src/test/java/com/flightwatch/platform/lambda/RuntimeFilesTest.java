package com.flightwatch.platform.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeFilesTest {

    @TempDir
    Path temporaryRoot;

    @Test
    void new_directoryLeftByAPlatformThatIsGone_isRemoved() throws Exception {
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        RuntimeDirectoryOwner deadOwner = RuntimeDirectoryOwner.of(gone.toHandle()).orElseThrow();
        gone.waitFor();
        Path stale = runtimeDirectory("flightwatch-runtime-stale", deadOwner);

        try (RuntimeFiles files = new RuntimeFiles(temporaryRoot, temporaryRoot.resolve("cds"))) {
            assertThat(stale).doesNotExist();
            assertThat(files.directory()).exists();
            assertThat(RuntimeDirectoryOwner.readFrom(files.directory())).contains(RuntimeDirectoryOwner.current());
        }
    }

    @Test
    void new_directoryWhosePidNowBelongsToAnotherProcess_isRemoved() throws Exception {
        RuntimeDirectoryOwner me = RuntimeDirectoryOwner.current();
        Path reused = runtimeDirectory("flightwatch-runtime-reused",
                new RuntimeDirectoryOwner(me.pid(), me.startEpochMillis() - Duration.ofHours(1).toMillis()));

        try (RuntimeFiles files = new RuntimeFiles(temporaryRoot, temporaryRoot.resolve("cds"))) {
            assertThat(reused).doesNotExist();
        }
    }

    @Test
    void new_directoriesOfALivePlatformOrRecentlyMadeWithoutOwner_areKept() throws Exception {
        Path live = runtimeDirectory("flightwatch-runtime-live", RuntimeDirectoryOwner.current());
        Path unownedRecent = Files.createDirectory(temporaryRoot.resolve("flightwatch-runtime-unowned-recent"));
        Path unownedOld = Files.createDirectory(temporaryRoot.resolve("flightwatch-runtime-unowned-old"));
        Files.setLastModifiedTime(unownedOld, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path unrelated = Files.createDirectory(temporaryRoot.resolve("something-else"));

        try (RuntimeFiles files = new RuntimeFiles(temporaryRoot, temporaryRoot.resolve("cds"))) {
            assertThat(live).exists();
            assertThat(unownedRecent).exists();
            assertThat(unownedOld).doesNotExist();
            assertThat(unrelated).exists();
        }
    }

    @Test
    void close_removesItsOwnDirectory() {
        RuntimeFiles files = new RuntimeFiles(temporaryRoot, temporaryRoot.resolve("cds"));

        files.close();

        assertThat(files.directory()).doesNotExist();
    }

    private Path runtimeDirectory(String name, RuntimeDirectoryOwner owner) throws Exception {
        Path directory = Files.createDirectories(temporaryRoot.resolve(name).resolve("output")).getParent();
        Files.writeString(directory.resolve("libaws-lambda-jni.so"), "stale");
        owner.writeTo(directory);
        return directory;
    }
}
