package com.flightwatch.platform.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads an {@code AWS::Lambda::Function} into a {@link FunctionSpec}. */
final class FunctionReader {

    static final int DEFAULT_MEMORY_MB = 128;
    static final int DEFAULT_TIMEOUT_SECONDS = 3;

    private final Intrinsics intrinsics;
    private final PhysicalIds physicalIds;
    private final AssetLocator assets;

    FunctionReader(Intrinsics intrinsics, PhysicalIds physicalIds, AssetLocator assets) {
        this.intrinsics = intrinsics;
        this.physicalIds = physicalIds;
        this.assets = assets;
    }

    FunctionSpec read(String logicalId, JsonNode resource) {
        JsonNode properties = resource.path("Properties");
        String name = physicalIds.functionName(logicalId, resource, intrinsics);
        String handler = intrinsics.resolveText(properties.get("Handler"), logicalId + " (Handler)");
        if (handler == null) {
            throw new StackException("Function " + logicalId + " has no Handler: container-image functions do not run locally");
        }
        String runtime = intrinsics.resolveText(properties.get("Runtime"), logicalId + " (Runtime)");
        int memoryMb = number(properties.get("MemorySize"), DEFAULT_MEMORY_MB, logicalId + " (MemorySize)");
        int timeoutSeconds = number(properties.get("Timeout"), DEFAULT_TIMEOUT_SECONDS, logicalId + " (Timeout)");
        JsonNode variables = intrinsics.resolve(properties.path("Environment").get("Variables"),
                logicalId + " (Environment.Variables)");
        Map<String, String> environment = variables.isObject() ? textMap(variables) : Map.of();
        Integer reserved = properties.has("ReservedConcurrentExecutions")
                ? number(properties.get("ReservedConcurrentExecutions"), 0, logicalId + " (ReservedConcurrentExecutions)")
                : null;
        return new FunctionSpec(logicalId, name, handler, runtime, memoryMb, timeoutSeconds, environment,
                code(logicalId, resource, properties.path("Code")), reserved, 0);
    }

    private Path code(String logicalId, JsonNode resource, JsonNode code) {
        if (code.has("ZipFile")) {
            throw new StackException("Function " + logicalId + " has inline code (Code.ZipFile), which is unsupported:"
                    + " package the handler as a jar and use Code.fromAsset");
        }
        if (code.has("ImageUri")) {
            throw new StackException("Function " + logicalId + " is a container image (Code.ImageUri), which is"
                    + " unsupported: package the handler as a jar and use Code.fromAsset");
        }
        return assets.locate(logicalId, resource, "Code", code.get("S3Key"));
    }

    private int number(JsonNode value, int defaultValue, String where) {
        String text = intrinsics.resolveText(value, where);
        if (text == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new StackException(where + ": " + text + " is not a whole number");
        }
    }

    /** A resolved object of strings (such as environment variables) as a map; numbers become their text. */
    private static Map<String, String> textMap(JsonNode resolvedObject) {
        Map<String, String> map = new LinkedHashMap<>();
        resolvedObject.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
