package com.flightwatch.platform.stack;

import java.nio.file.Path;
import java.util.Map;

/**
 * One {@code AWS::Lambda::Function}, resolved: every intrinsic replaced by its local value.
 *
 * @param codePath the function's jar (or directory of classes), from the asset the template names
 */
public record FunctionSpec(
        String logicalId,
        String name,
        String handler,
        String runtime,
        int memoryMb,
        int timeoutSeconds,
        Map<String, String> environment,
        Path codePath) {
}
