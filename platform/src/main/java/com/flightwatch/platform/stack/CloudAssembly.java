package com.flightwatch.platform.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The directory {@code cdk synth} writes ({@code cdk.out}), read through its {@code manifest.json}. */
final class CloudAssembly {

    private static final String STACK_TYPE = "aws:cloudformation:stack";
    private static final String ASSET_MANIFEST_TYPE = "cdk:asset-manifest";

    private final Path directory;
    private final JsonNode artifacts;

    private CloudAssembly(Path directory, JsonNode artifacts) {
        this.directory = directory;
        this.artifacts = artifacts;
    }

    static CloudAssembly open(Path cdkOut) {
        Path manifest = cdkOut.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw new StackException("No cloud assembly at " + cdkOut.toAbsolutePath()
                    + ": manifest.json is missing (run `cdk synth` first)");
        }
        JsonNode artifacts = JsonFiles.read(manifest).path("artifacts");
        return new CloudAssembly(cdkOut, artifacts);
    }

    Path directory() {
        return directory;
    }

    /** The stack named {@code stackNameOrNull} (by stack name or artifact id), or the only one when null. */
    StackArtifact select(String stackNameOrNull) {
        List<StackArtifact> stacks = stacks();
        if (stacks.isEmpty()) {
            throw new StackException("The cloud assembly at " + directory + " holds no CloudFormation stack");
        }
        if (stackNameOrNull == null) {
            if (stacks.size() > 1) {
                throw new StackException("The cloud assembly at " + directory + " holds several stacks ("
                        + names(stacks) + "): name the one to run");
            }
            return stacks.get(0);
        }
        return stacks.stream()
                .filter(s -> s.stackName().equals(stackNameOrNull) || s.artifactId().equals(stackNameOrNull))
                .findFirst()
                .orElseThrow(() -> new StackException("No stack named " + stackNameOrNull + " in " + directory
                        + "; it holds: " + names(stacks)));
    }

    private List<StackArtifact> stacks() {
        List<StackArtifact> stacks = new ArrayList<>();
        for (Map.Entry<String, JsonNode> artifact : artifacts.properties()) {
            JsonNode body = artifact.getValue();
            if (!STACK_TYPE.equals(body.path("type").asText())) {
                continue;
            }
            String id = artifact.getKey();
            JsonNode properties = body.path("properties");
            String templateFile = properties.path("templateFile").asText(null);
            if (templateFile == null) {
                throw new StackException("Stack artifact " + id + " in manifest.json has no properties.templateFile");
            }
            String stackName = properties.path("stackName").asText(id);
            stacks.add(new StackArtifact(id, stackName, directory.resolve(templateFile), assetsFile(id, body)));
        }
        return stacks;
    }

    /** The asset manifest the stack depends on; CDK names it {@code <artifactId>.assets.json}. */
    private Path assetsFile(String artifactId, JsonNode stackArtifact) {
        for (JsonNode dependency : stackArtifact.path("dependencies")) {
            JsonNode candidate = artifacts.path(dependency.asText());
            if (ASSET_MANIFEST_TYPE.equals(candidate.path("type").asText())) {
                return directory.resolve(candidate.path("properties").path("file").asText());
            }
        }
        Path conventional = directory.resolve(artifactId + ".assets.json");
        return Files.isRegularFile(conventional) ? conventional : null;
    }

    private static String names(List<StackArtifact> stacks) {
        return stacks.stream().map(StackArtifact::stackName).collect(Collectors.joining(", "));
    }
}
