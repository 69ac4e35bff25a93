package com.flightwatch.platform.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;

/**
 * The file assets of one stack: where each object key that the template names (an S3 key in the
 * bootstrap bucket) came from in {@code cdk.out}. Read from {@code <Stack>.assets.json}.
 */
final class StackAssets {

    private final Path cdkOut;
    private final Map<String, Path> sourceByObjectKey;

    private StackAssets(Path cdkOut, Map<String, Path> sourceByObjectKey) {
        this.cdkOut = cdkOut;
        this.sourceByObjectKey = sourceByObjectKey;
    }

    static StackAssets read(Path cdkOut, Path assetsFile) {
        Map<String, Path> sources = new HashMap<>();
        if (assetsFile != null) {
            for (Entry<String, JsonNode> asset : JsonFiles.read(assetsFile).path("files").properties()) {
                String sourcePath = asset.getValue().path("source").path("path").asText(null);
                if (sourcePath == null) {
                    continue;
                }
                for (JsonNode destination : asset.getValue().path("destinations")) {
                    String objectKey = destination.path("objectKey").asText(null);
                    if (objectKey != null) {
                        sources.put(objectKey, cdkOut.resolve(sourcePath));
                    }
                }
            }
        }
        return new StackAssets(cdkOut, sources);
    }

    /** The asset stored under {@code objectKey}, as a file or directory that exists. */
    Path byObjectKey(String objectKey, String resource) {
        Path source = sourceByObjectKey.get(objectKey);
        if (source == null) {
            throw new StackException(resource + " refers to S3 object " + objectKey
                    + ", which is not an asset of this stack's asset manifest: only code and documents that CDK"
                    + " packages as assets can run locally");
        }
        return existing(source, resource);
    }

    /** The asset named by a resource's {@code aws:asset:path} metadata (relative to cdk.out). */
    Path byMetadataPath(String assetPath, String resource) {
        return existing(cdkOut.resolve(assetPath), resource);
    }

    private static Path existing(Path source, String resource) {
        if (!Files.exists(source)) {
            throw new StackException(resource + " needs the asset " + source + ", which does not exist: run `cdk synth` again");
        }
        return source;
    }
}
