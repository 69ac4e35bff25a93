package com.flightwatch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Writes a deployment jar holding {@link TrivialHandler} alone, so its cold start loads nothing else. */
final class TrivialFunctionJar {

    static final String HANDLER = TrivialHandler.class.getName() + "::handleRequest";

    private TrivialFunctionJar() {
    }

    static Path write(Path directory) {
        String entry = TrivialHandler.class.getName().replace('.', '/') + ".class";
        Path jar = directory.resolve("trivial-function.jar");
        try (InputStream classFile = TrivialHandler.class.getResourceAsStream("/" + entry)) {
            Files.createDirectories(directory);
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
                out.putNextEntry(new JarEntry(entry));
                classFile.transferTo(out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the trivial function's jar failed", e);
        }
        return jar;
    }
}
