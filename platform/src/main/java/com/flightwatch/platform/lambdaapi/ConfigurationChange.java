package com.flightwatch.platform.lambdaapi;

import com.flightwatch.platform.stack.FunctionSpec;
import java.util.Map;

/**
 * A validated {@code UpdateFunctionConfiguration} request: null fields stay as they are; an
 * environment replaces the whole set of variables, as on Lambda.
 */
public record ConfigurationChange(
        String handler,
        String runtime,
        Integer memoryMb,
        Integer timeoutSeconds,
        Map<String, String> environment,
        String description,
        String role) {

    FunctionSpec applyTo(FunctionSpec spec) {
        return new FunctionSpec(spec.logicalId(), spec.name(), or(handler, spec.handler()), or(runtime, spec.runtime()),
                or(memoryMb, spec.memoryMb()), or(timeoutSeconds, spec.timeoutSeconds()),
                or(environment, spec.environment()), spec.codePath(), spec.reservedConcurrency(),
                spec.provisionedConcurrency());
    }

    private static <T> T or(T changed, T current) {
        return changed == null ? current : changed;
    }
}
