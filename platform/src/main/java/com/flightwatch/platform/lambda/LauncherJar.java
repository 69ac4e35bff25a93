package com.flightwatch.platform.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * The platform's own classes a function JVM runs ({@link FunctionProcessMain}, {@link ProcessGroup} and the training
 * handler of {@link ClassDataSharing}) as a jar named by its content. A jar, not a class directory,
 * because a class-data sharing archive accepts only jars on its class path; named by content and
 * never rewritten, because the JVM rejects an archive whose jars changed size or modification time
 * since the dump, and platforms sharing the cache directory must agree on the same file.
 */
final class LauncherJar {

    private static final Class<?>[] CLASSES = {FunctionProcessMain.class, ProcessGroup.class,
            ClassDataSharingTrainingHandler.class};

    private LauncherJar() {
    }

    /** The launcher jar in {@code directory}, written there unless an identical one already is. */
    static Path in(Path directory) {
        try {
            Map<String, byte[]> classFiles = classFiles();
            Path jar = directory.resolve("launcher-" + digest(classFiles) + ".jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "launcher-", ".tmp");
            try {
                write(classFiles, temporary);
                // A hard link fails if the jar appeared meanwhile, so a concurrent writer's jar (and its
                // modification time, which archives record) is never replaced.
                Files.createLink(jar, temporary);
            } catch (FileAlreadyExistsException alreadyWritten) {
                // Another platform wrote the same bytes first.
            } finally {
                Files.deleteIfExists(temporary);
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the function launcher jar to " + directory + " failed", e);
        }
    }

    private static Map<String, byte[]> classFiles() throws IOException {
        Map<String, byte[]> classFiles = new LinkedHashMap<>();
        for (Class<?> type : CLASSES) {
            String name = type.getName().replace('.', '/') + ".class";
            try (InputStream in = type.getResourceAsStream("/" + name)) {
                if (in == null) {
                    throw new IOException("Missing " + name + " beside " + type.getName());
                }
                classFiles.put(name, in.readAllBytes());
            }
        }
        return classFiles;
    }

    private static void write(Map<String, byte[]> classFiles, Path target) throws IOException {
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(target))) {
            for (Map.Entry<String, byte[]> classFile : classFiles.entrySet()) {
                JarEntry entry = new JarEntry(classFile.getKey());
                entry.setTime(0);
                jar.putNextEntry(entry);
                jar.write(classFile.getValue());
                jar.closeEntry();
            }
        }
    }

    private static String digest(Map<String, byte[]> classFiles) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            classFiles.forEach((name, bytes) -> {
                sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(bytes);
            });
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
