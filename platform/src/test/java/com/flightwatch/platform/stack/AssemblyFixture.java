package com.flightwatch.platform.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A hand-written cloud assembly from src/test/resources/stacks/, copied to a temporary directory
 * with the asset jars made on the spot, so a test can edit the template before loading it.
 */
final class AssemblyFixture {

    static final String ECHO_JAR = "asset.1111aaaa1111aaaa1111aaaa1111aaaa1111aaaa1111aaaa1111aaaa1111aaaa.jar";
    static final String WORKER_JAR = "asset.2222bbbb2222bbbb2222bbbb2222bbbb2222bbbb2222bbbb2222bbbb2222bbbb.jar";
    static final String OPENAPI_ASSET = "asset.3333cccc3333cccc3333cccc3333cccc3333cccc3333cccc3333cccc3333cccc.yaml";
    static final String OPENAPI_OBJECT_KEY = "3333cccc3333cccc3333cccc3333cccc3333cccc3333cccc3333cccc3333cccc.yaml";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    private AssemblyFixture(Path directory) {
        this.directory = directory;
    }

    /** The "app" assembly with both function jars and the OpenAPI asset in place. */
    static AssemblyFixture app(Path directory) {
        AssemblyFixture fixture = copy("app", directory, "manifest.json", "App.assets.json", "App.template.json");
        fixture.emptyJar(ECHO_JAR);
        fixture.emptyJar(WORKER_JAR);
        fixture.copyResource("app/asset-openapi.yaml", OPENAPI_ASSET);
        return fixture;
    }

    static AssemblyFixture twoStacks(Path directory) {
        return copy("two-stacks", directory, "manifest.json", "Blue.template.json", "Green.template.json");
    }

    Path directory() {
        return directory;
    }

    AssemblyFixture editTemplate(Consumer<ObjectNode> edit) {
        Path template = directory.resolve("App.template.json");
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(template.toFile());
            edit.accept(root);
            JSON.writeValue(template.toFile(), root);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AssemblyFixture delete(String file) {
        try {
            Files.delete(directory.resolve(file));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode resource(ObjectNode template, String logicalId) {
        return (ObjectNode) template.get("Resources").get(logicalId);
    }

    static ObjectNode properties(ObjectNode template, String logicalId) {
        return (ObjectNode) resource(template, logicalId).get("Properties");
    }

    static ObjectNode variables(ObjectNode template, String logicalId) {
        return (ObjectNode) properties(template, logicalId).get("Environment").get("Variables");
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AssemblyFixture copy(String name, Path directory, String... files) {
        AssemblyFixture fixture = new AssemblyFixture(directory);
        for (String file : files) {
            fixture.copyResource(name + "/" + file, file);
        }
        return fixture;
    }

    private void copyResource(String resource, String target) {
        try (InputStream in = AssemblyFixture.class.getResourceAsStream("/stacks/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource stacks/" + resource);
            }
            Files.copy(in, directory.resolve(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void emptyJar(String name) {
        try (OutputStream out = Files.newOutputStream(directory.resolve(name));
             JarOutputStream jar = new JarOutputStream(out, new Manifest())) {
            jar.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
