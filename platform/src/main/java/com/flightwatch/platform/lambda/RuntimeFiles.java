package com.flightwatch.platform.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * What every function process needs besides the function's code, prepared once: the runtime
 * client's JNI library extracted to a private file (the client would otherwise copy it to one
 * fixed path in /tmp at every start, racing other starts), {@link FunctionProcessMain} in a jar of
 * its own ({@link LauncherJar}), so the function's class path never sees the platform's libraries,
 * and the class-data sharing archive of that class path ({@link ClassDataSharing}).
 * The directory names its owner ({@link RuntimeDirectoryOwner}); at start the directories of
 * platforms that died without removing theirs (SIGKILL) are removed ({@link StaleRuntimeDirectories}).
 */
final class RuntimeFiles implements AutoCloseable {

    static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
    private static final String JNI_RESOURCE = "/jni/libaws-lambda-jni.linux-x86_64.so";
    static final String DIRECTORY_PREFIX = "flightwatch-runtime-";
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeFiles.class);
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final Path directory;
    private final Path jniLibrary;
    private final List<Path> runtimeClassPath;
    private final ClassDataSharing classDataSharing;

    RuntimeFiles() {
        this(Path.of(System.getProperty("java.io.tmpdir")), defaultCacheDirectory());
    }

    /**
     * @param temporaryRoot where the directory is made, beside those of other platforms (java.io.tmpdir)
     * @param cacheDirectory what outlives a platform and is shared between platforms: the launcher jar
     *        and the class-data sharing archive ({@code ~/.flightwatch/cds})
     */
    RuntimeFiles(Path temporaryRoot, Path cacheDirectory) {
        StaleRuntimeDirectories.removeFrom(temporaryRoot, DIRECTORY_PREFIX);
        try {
            directory = Files.createTempDirectory(temporaryRoot, DIRECTORY_PREFIX);
            RuntimeDirectoryOwner.current().writeTo(directory);
            jniLibrary = directory.resolve("libaws-lambda-jni.so");
            copyResource(AWSLambda.class, JNI_RESOURCE, jniLibrary);
            Files.createDirectories(directory.resolve("output"));
        } catch (IOException e) {
            throw new UncheckedIOException("Preparing the Lambda runtime client's files failed", e);
        }
        Path launcherJar;
        boolean cacheUsable = true;
        try {
            launcherJar = LauncherJar.in(cacheDirectory);
        } catch (UncheckedIOException e) {
            LOG.warn("Function JVMs start without a class-data sharing archive: {}", e.getMessage());
            launcherJar = LauncherJar.in(directory);
            cacheUsable = false;
        }
        // The archive's entries first, in this order, at every start: the JVM maps an archive only
        // for a class path that begins with the one it was made for.
        runtimeClassPath = List.of(launcherJar, location(AWSLambda.class), location(RequestHandler.class),
                location(PojoSerializer.class), location(SdkInternalThreadLocal.class));
        classDataSharing = cacheUsable
                ? ClassDataSharing.start(JAVA, cacheDirectory, runtimeClassPath, jniLibrary) : null;
    }

    static Path defaultCacheDirectory() {
        return Path.of(System.getProperty("user.home"), ".flightwatch", "cds");
    }

    Path directory() {
        return directory;
    }

    /** Where an instance's stdout and stderr go. */
    Path outputFile(String instanceId) {
        return directory.resolve("output").resolve(instanceId + ".log");
    }

    Path jniLibrary() {
        return jniLibrary;
    }

    /** The launcher, the runtime client and the libraries it runs on (its Maven runtime dependencies). */
    List<Path> runtimeClassPath() {
        return runtimeClassPath;
    }

    /** The java launcher of this JDK, which runs every function JVM. */
    String java() {
        return JAVA;
    }

    /** Options that make a function JVM map the class-data sharing archive; none until it is ready. */
    List<String> classDataSharingOptions() {
        return classDataSharing == null ? List.of() : classDataSharing.jvmOptions();
    }

    /** The archive's background work, for tests and benchmarks that want to wait for it; empty if off. */
    Optional<ClassDataSharing> classDataSharing() {
        return Optional.ofNullable(classDataSharing);
    }

    private static void copyResource(Class<?> owner, String resource, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Missing " + resource + " beside " + owner.getName());
            }
            Files.copy(in, target);
        }
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the jar of " + type.getName(), e);
        }
    }

    @Override
    public void close() {
        if (classDataSharing != null) {
            classDataSharing.close();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
