package com.flightwatch.platform.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.joda.time.DateTime;

/**
 * Builds a function jar the way a function module does, at test time: the handler sources under
 * src/test/resources/handlers/ compiled against aws-lambda-java-core, and aws-lambda-java-events
 * bundled inside, so the classes exist only in the jar and never on the test's class path.
 */
public final class HandlerJars {

    private HandlerJars() {
    }

    /**
     * @param replacements text to replace in every source (e.g. "@VERSION@" → "1")
     * @param classNames   simple names of the handler sources in package {@code example}
     */
    public static Path build(Path directory, String jarName, Map<String, String> replacements, String... classNames) {
        try {
            Path sources = Files.createDirectories(directory.resolve(jarName + "-src/example"));
            Path classes = Files.createDirectories(directory.resolve(jarName + "-classes"));
            List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", classes.toString(),
                    "-classpath", location(RequestHandler.class) + java.io.File.pathSeparator
                            + location(APIGatewayProxyRequestEvent.class) + java.io.File.pathSeparator
                            + location(DateTime.class)));
            for (String className : classNames) {
                String source = resource("/handlers/example/" + className + ".java");
                for (Map.Entry<String, String> replacement : replacements.entrySet()) {
                    source = source.replace(replacement.getKey(), replacement.getValue());
                }
                Path file = sources.resolve(className + ".java");
                Files.writeString(file, source);
                arguments.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            if (javac.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("Compiling the test handlers failed: " + arguments);
            }
            Path jar = directory.resolve(jarName + ".jar");
            // A shaded function jar carries aws-lambda-java-events and its joda-time, which Lambda's event serializers load.
            writeJar(jar, classes, List.of(location(APIGatewayProxyRequestEvent.class), location(DateTime.class)));
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeJar(Path jar, Path classes, List<Path> bundledLibraries) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, new Manifest())) {
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, jarOut);
                    jarOut.closeEntry();
                }
            }
            for (Path bundledLibrary : bundledLibraries) {
                bundle(jarOut, bundledLibrary);
            }
        }
    }

    private static void bundle(JarOutputStream jarOut, Path library) throws IOException {
        try (JarFile jar = new JarFile(library.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || entry.getName().startsWith("META-INF/")) {
                    continue;
                }
                jarOut.putNextEntry(new JarEntry(entry.getName()));
                try (InputStream in = jar.getInputStream(entry)) {
                    in.transferTo(jarOut);
                }
                jarOut.closeEntry();
            }
        }
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HandlerJars.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
