package com.flightwatch.platform.lambda;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AppCDS archive of the function JVMs' runtime class path (launcher, runtime client and its
 * libraries), so a function JVM maps those classes instead of loading and verifying them: about half
 * of a trivial function's cold start. Made once, in the background, and cached in a directory
 * shared by platforms under a name derived from the JDK and the exact jars (path, size,
 * modification time, content), which is what the JVM checks before it maps an archive. Until the
 * archive is ready, or if making it fails, function JVMs start without it. Platforms making it at
 * the same time take turns on a file lock; the archive is written to a temporary file, checked with
 * {@code -Xshare:on} and moved into place atomically. On JDK 19+ the training run writes the
 * archive itself ({@code -XX:+AutoCreateSharedArchive}); on 17 and 18 it writes a class list that
 * {@code -Xshare:dump} turns into the archive.
 */
final class ClassDataSharing implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClassDataSharing.class);
    /** Options of the training run and the dump that must match those of the function JVMs. */
    static final List<String> FUNCTION_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto",
            "-XX:+UseSerialGC");
    private static final int ONE_STEP_DUMP_FEATURE = 19;
    /** Several platforms in one JVM (tests) must take turns too: a file lock is per JVM, not per thread. */
    private static final ReentrantLock IN_PROCESS_LOCK = new ReentrantLock();
    /** Archives whose making failed in this JVM: logged once, not retried at every platform start. */
    private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();

    private final String java;
    private final Path cacheDirectory;
    private final List<Path> classPath;
    private final Path jniLibrary;
    private final CompletableFuture<Optional<Path>> archive = new CompletableFuture<>();
    private final Thread maker;

    private ClassDataSharing(String java, Path cacheDirectory, List<Path> classPath, Path jniLibrary) {
        this.java = java;
        this.cacheDirectory = cacheDirectory;
        this.classPath = List.copyOf(classPath);
        this.jniLibrary = jniLibrary;
        this.maker = new Thread(this::make, "flightwatch-cds-archive");
        maker.setDaemon(true);
    }

    /** Starts finding or making the archive for {@code classPath} in the background. */
    static ClassDataSharing start(String java, Path cacheDirectory, List<Path> classPath, Path jniLibrary) {
        ClassDataSharing sharing = new ClassDataSharing(java, cacheDirectory, classPath, jniLibrary);
        sharing.maker.start();
        return sharing;
    }

    /** The archive once it is ready and usable; empty before, and for good if making it failed. */
    Optional<Path> archive() {
        return archive.getNow(Optional.empty());
    }

    /** Options that make a function JVM use the archive; none while there is none. */
    List<String> jvmOptions() {
        return archive().map(path -> List.of("-XX:SharedArchiveFile=" + path)).orElse(List.of());
    }

    /** Waits for the background work to settle (tests, benchmarks): the archive or, if none, empty. */
    Optional<Path> awaitArchive(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            return archive.get(timeout, unit);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return Optional.empty();
        }
    }

    static String joined(List<Path> classPath) {
        return String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList());
    }

    private void make() {
        String key = null;
        try {
            key = key();
            archive.complete(Optional.of(findOrMake(cacheDirectory.resolve(key + ".jsa"), key)));
        } catch (InterruptedException e) {
            archive.complete(Optional.empty());
        } catch (ClassDataSharingException | IOException | UncheckedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                // Closed while waiting for the lock or a process: stopping, not failing.
                archive.complete(Optional.empty());
                return;
            }
            if (key == null || FAILED.add(key)) {
                LOG.warn("Function JVMs start without a class-data sharing archive: {}", e.getMessage());
            }
            archive.complete(Optional.empty());
        }
    }

    private Path findOrMake(Path target, String key) throws IOException, InterruptedException {
        if (FAILED.contains(key)) {
            throw new ClassDataSharingException("making it failed before in this JVM");
        }
        Files.createDirectories(cacheDirectory);
        IN_PROCESS_LOCK.lockInterruptibly();
        try (FileChannel lockFile = FileChannel.open(cacheDirectory.resolve(key + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            if (Files.isRegularFile(target)) {
                if (usable(target)) {
                    return target;
                }
                LOG.warn("The class-data sharing archive {} is unusable; making it again", target);
            }
            return makeArchive(target, key);
        } finally {
            IN_PROCESS_LOCK.unlock();
        }
    }

    private Path makeArchive(Path target, String key) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Path work = Files.createTempDirectory(cacheDirectory, key + "-");
        try {
            Path temporary = work.resolve("archive.jsa");
            List<String> training = new ArrayList<>(FUNCTION_JVM_OPTIONS);
            if (Runtime.version().feature() >= ONE_STEP_DUMP_FEATURE) {
                training.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + temporary));
                ClassDataSharingTraining.run(java, training, classPath, jniLibrary, work.resolve("training.log"));
            } else {
                Path classList = work.resolve("classes.lst");
                training.add("-XX:DumpLoadedClassList=" + classList);
                ClassDataSharingTraining.run(java, training, classPath, jniLibrary, work.resolve("training.log"));
                List<String> dump = new ArrayList<>(List.of(java, "-Xshare:dump", "-XX:+UseSerialGC",
                        "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + temporary,
                        "-cp", joined(classPath)));
                if (exitStatus(dump, work.resolve("dump.log")) != 0) {
                    throw new ClassDataSharingException("-Xshare:dump failed; see " + work.resolve("dump.log"));
                }
            }
            if (!Files.isRegularFile(temporary) || !usable(temporary)) {
                throw new ClassDataSharingException("the archive made in " + work + " is missing or unusable");
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.info("Made the class-data sharing archive {} for function JVMs in {} ms", target,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            deleteTree(work);
            return target;
        } catch (InterruptedException | RuntimeException | IOException e) {
            // A failed attempt's logs stay for diagnosis only while a failure message names them.
            if (e instanceof InterruptedException) {
                deleteTree(work);
            }
            throw e;
        }
    }

    /** Whether a JVM with this class path maps the archive: {@code -Xshare:on} refuses to start if not. */
    private boolean usable(Path archiveFile) throws InterruptedException {
        List<String> check = new ArrayList<>(List.of(java, "-Xshare:on", "-XX:+UseSerialGC",
                "-XX:SharedArchiveFile=" + archiveFile, "-cp", joined(classPath), "-version"));
        return exitStatus(check, null) == 0;
    }

    private static int exitStatus(List<String> command, Path log) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
        Process process = null;
        try {
            process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                throw new ClassDataSharingException("'" + String.join(" ", command.subList(0, 3)) + " …' overran");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new ClassDataSharingException("Starting " + command.get(0) + " failed", e);
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }

    /** The archive's name: the JDK, the options that shape it and every jar exactly as the JVM checks it. */
    private String key() throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, System.getProperty("java.home") + "|" + System.getProperty("java.vm.version") + "|"
                    + java + "|" + FUNCTION_JVM_OPTIONS);
            for (Path entry : classPath) {
                update(sha, entry.toAbsolutePath() + "|" + Files.size(entry) + "|" + Files.getLastModifiedTime(entry));
                try (InputStream in = Files.newInputStream(entry)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                        sha.update(buffer, 0, read);
                    }
                }
            }
            return "runtime-jdk" + Runtime.version().feature() + "-" + HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A leftover work directory in the cache is harmless.
        }
    }

    /** Stops making the archive (the platform is stopping); a training run or dump in progress is killed. */
    @Override
    public void close() {
        maker.interrupt();
        try {
            // Interrupted, the maker kills its process at once; waiting keeps it from outliving the platform.
            maker.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
