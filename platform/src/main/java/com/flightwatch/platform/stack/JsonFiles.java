package com.flightwatch.platform.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Reads the JSON (and, for OpenAPI documents, YAML) files of a cloud assembly. */
final class JsonFiles {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private JsonFiles() {
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new StackException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** An OpenAPI document in either form; JSON first, since not every JSON escape is valid YAML. */
    static JsonNode readJsonOrYaml(String text, String what) {
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            // fall through to YAML
        }
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new StackException("Cannot parse " + what + " as JSON or YAML: " + e.getMessage(), e);
        }
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new StackException("Cannot write JSON: " + e.getMessage(), e);
        }
    }
}
