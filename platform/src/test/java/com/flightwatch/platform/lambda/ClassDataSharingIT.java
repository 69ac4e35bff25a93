package com.flightwatch.platform.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.stack.FunctionSpec;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real archives made by real JVMs of this JDK, in a cache directory of the test's own. */
class ClassDataSharingIT {

    private static final long MAKING_TIMEOUT_SECONDS = 180;

    @TempDir
    Path temporaryRoot;

    @Test
    void start_onThisJdk_makesAnArchiveThatAFunctionJvmMapsAndAnswersWith() throws Exception {
        try (RuntimeFiles files = new RuntimeFiles(temporaryRoot, temporaryRoot.resolve("cds"))) {
            Path archive = awaitArchive(files).orElseThrow();

            assertThat(archive).isRegularFile().hasParent(temporaryRoot.resolve("cds"));
            Path log = temporaryRoot.resolve("with-archive.log");
            // -Xshare:on refuses to start unless the archive maps; the training run proves the JVM answers.
            ClassDataSharingTraining.run(files.java(), List.of("-Xshare:on", "-XX:+UseSerialGC",
                    "-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info"), files.runtimeClassPath(),
                    files.jniLibrary(), log);
            assertThat(Files.readString(log))
                    .contains("com.amazonaws.services.lambda.runtime.api.client.AWSLambda source: shared objects file")
                    .contains("training invocation training-1");
        }
    }

    @Test
    void command_archiveReady_hasTheFlagAndTheRuntimeEntriesFirstInArchiveOrder() throws Exception {
        try (RuntimeFiles files = new RuntimeFiles(temporaryRoot, temporaryRoot.resolve("cds"))) {
            Path archive = awaitArchive(files).orElseThrow();
            Path code = temporaryRoot.resolve("function.jar");

            List<String> command = new ProcessLauncher(files, null, "us-east-1").command(spec(code));

            assertThat(command).contains("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
            List<String> expected = new ArrayList<>(files.runtimeClassPath().stream().map(Path::toString).toList());
            expected.add(code.toString());
            assertThat(command.get(command.indexOf("-cp") + 1)).isEqualTo(String.join(File.pathSeparator, expected));
        }
    }

    @Test
    void start_twoPlatformsOnOneCacheAtOnce_bothGetTheSameUsableArchive() throws Exception {
        Path cache = temporaryRoot.resolve("cds");
        try (RuntimeFiles first = new RuntimeFiles(temporaryRoot, cache);
             RuntimeFiles second = new RuntimeFiles(temporaryRoot, cache)) {
            Path firstArchive = awaitArchive(first).orElseThrow();
            Path secondArchive = awaitArchive(second).orElseThrow();

            assertThat(secondArchive).isEqualTo(firstArchive);
            assertThat(first.runtimeClassPath()).isEqualTo(second.runtimeClassPath());
            try (var leftovers = Files.list(cache)) {
                assertThat(leftovers.map(path -> path.getFileName().toString()))
                        .allMatch(name -> name.endsWith(".jsa") || name.endsWith(".lock") || name.endsWith(".jar"));
            }
        }
    }

    @Test
    void start_corruptArchiveInTheCache_isMadeAgainAndFunctionJvmsStartMeanwhile() throws Exception {
        Path cache = temporaryRoot.resolve("cds");
        Path archive;
        try (RuntimeFiles files = new RuntimeFiles(temporaryRoot, cache)) {
            archive = awaitArchive(files).orElseThrow();
        }
        Files.write(archive, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

        try (RuntimeFiles files = new RuntimeFiles(temporaryRoot, cache)) {
            // A function JVM given the corrupt archive falls back to -Xshare:auto's default and answers.
            ClassDataSharingTraining.run(files.java(), List.of("-Xshare:auto", "-XX:+UseSerialGC",
                    "-XX:SharedArchiveFile=" + archive), files.runtimeClassPath(), files.jniLibrary(),
                    temporaryRoot.resolve("corrupt.log"));

            assertThat(awaitArchive(files)).contains(archive);
            assertThat(Files.size(archive)).isGreaterThan(1024 * 1024);
        }
    }

    @Test
    void new_cacheDirectoryNotWritable_functionsStartWithoutAnArchive() throws Exception {
        Path notADirectory = Files.writeString(temporaryRoot.resolve("cds"), "a file where the cache should be");

        try (RuntimeFiles files = new RuntimeFiles(temporaryRoot, notADirectory)) {
            List<String> command = new ProcessLauncher(files, null, "us-east-1").command(spec(temporaryRoot));

            assertThat(files.classDataSharing()).isEmpty();
            assertThat(files.runtimeClassPath().get(0)).hasParent(files.directory()).isRegularFile();
            assertThat(command).noneMatch(option -> option.startsWith("-XX:SharedArchiveFile"));
        }
    }

    private static Optional<Path> awaitArchive(RuntimeFiles files) throws InterruptedException {
        return files.classDataSharing().orElseThrow().awaitArchive(MAKING_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static FunctionSpec spec(Path code) {
        return new FunctionSpec("EchoFunction", "echo", "example.Echo::handleRequest", "java21", 128, 10, Map.of(), code);
    }
}
