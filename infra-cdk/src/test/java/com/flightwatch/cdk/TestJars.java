package com.flightwatch.cdk;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Stand-ins for the function jars: the stack only stages them as assets, it never opens them. */
final class TestJars {

    private TestJars() {
    }

    /** Writes {@code <root>/functions/<name>/target/<name>.jar}, the layout Maven produces. */
    static Path writeFunctionJar(Path repositoryRoot, FlightwatchFunction function) throws IOException {
        Path jar = function.jarIn(repositoryRoot);
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Implementation-Title", function.moduleName());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
