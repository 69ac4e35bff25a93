package com.flightwatch.platform.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The console's files (HTML, CSS, JavaScript modules) from the classpath under {@code console/}, read
 * once and kept in memory: a few kilobytes, and no file cache on disk (Vert.x's StaticHandler would
 * unpack classpath files into the working directory).
 */
final class ConsoleAssets {

    /** Plain names only: no directories, so no path can leave {@code console/}. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+\\.(html|css|js|svg)");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");

    /** One file: its bytes and its Content-Type. */
    record Asset(byte[] bytes, String contentType) {
    }

    private final String root;
    private final Map<String, Optional<Asset>> loaded = new ConcurrentHashMap<>();

    ConsoleAssets(String root) {
        this.root = root;
    }

    /** The file of that name, or empty when the name is not a console file's. */
    Optional<Asset> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return loaded.computeIfAbsent(name, this::load);
    }

    private Optional<Asset> load(String name) {
        try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(root + "/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            String extension = name.substring(name.lastIndexOf('.') + 1);
            return Optional.of(new Asset(in.readAllBytes(), CONTENT_TYPES.get(extension)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the console file " + root + "/" + name, e);
        }
    }
}
