package com.flightwatch.platform.stack;

import java.nio.file.Path;
import java.util.Map;

/**
 * One {@code AWS::Lambda::Function}, resolved: every intrinsic replaced by its local value.
 *
 * @param codePath               the function's jar (or directory of classes), from the asset the template names
 * @param reservedConcurrency    {@code ReservedConcurrentExecutions}: the most instances it may run at once;
 *                               null when the template sets none (the platform's own limit applies)
 * @param provisionedConcurrency instances started with the platform and kept warm (Lambda's provisioned
 *                               concurrency); 0 for none
 */
public record FunctionSpec(
        String logicalId,
        String name,
        String handler,
        String runtime,
        int memoryMb,
        int timeoutSeconds,
        Map<String, String> environment,
        Path codePath,
        Integer reservedConcurrency,
        int provisionedConcurrency) {

    /** A function with no concurrency settings of its own. */
    public FunctionSpec(String logicalId, String name, String handler, String runtime, int memoryMb,
                        int timeoutSeconds, Map<String, String> environment, Path codePath) {
        this(logicalId, name, handler, runtime, memoryMb, timeoutSeconds, environment, codePath, null, 0);
    }

    public FunctionSpec withEnvironment(Map<String, String> newEnvironment) {
        return new FunctionSpec(logicalId, name, handler, runtime, memoryMb, timeoutSeconds, newEnvironment, codePath,
                reservedConcurrency, provisionedConcurrency);
    }

    public FunctionSpec withCodePath(Path newCodePath) {
        return new FunctionSpec(logicalId, name, handler, runtime, memoryMb, timeoutSeconds, environment, newCodePath,
                reservedConcurrency, provisionedConcurrency);
    }
}
