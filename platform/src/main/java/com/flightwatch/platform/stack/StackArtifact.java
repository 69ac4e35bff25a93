package com.flightwatch.platform.stack;

import java.nio.file.Path;

/**
 * One {@code aws:cloudformation:stack} artifact of a cloud assembly.
 *
 * @param artifactId   the construct id CDK gave the stack (the manifest's key)
 * @param stackName    the CloudFormation stack name ({@code properties.stackName}, else the artifact id)
 * @param templateFile the synthesized template
 * @param assetsFile   the stack's asset manifest ({@code <Stack>.assets.json}); null when it has none
 */
record StackArtifact(String artifactId, String stackName, Path templateFile, Path assetsFile) {
}
