package com.flightwatch.platform.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code ProvisionedConcurrencyConfig} from aliases and versions and hands it to their
 * function: locally every alias and version runs the function's one current code, so the
 * instances to keep warm are the largest number any of them asks for.
 */
final class ProvisionedConcurrency {

    private final Intrinsics intrinsics;
    private final Map<String, Integer> byFunctionName = new HashMap<>();

    ProvisionedConcurrency(Intrinsics intrinsics) {
        this.intrinsics = intrinsics;
    }

    /** An {@code AWS::Lambda::Alias} or {@code AWS::Lambda::Version}. */
    void read(String logicalId, JsonNode resource) {
        JsonNode properties = resource.path("Properties");
        JsonNode config = properties.path("ProvisionedConcurrencyConfig").get("ProvisionedConcurrentExecutions");
        if (config == null) {
            return;
        }
        String where = logicalId + " (ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions)";
        String count = intrinsics.resolveText(config, where);
        String function = intrinsics.resolveText(properties.get("FunctionName"), logicalId + " (FunctionName)");
        if (function == null || count == null) {
            return;
        }
        try {
            int instances = Integer.parseInt(count.trim());
            if (instances < 0) {
                throw new StackException(where + ": " + instances + " is negative");
            }
            String name = function.startsWith("arn:") ? AwsIds.functionNameFromArn(function) : function;
            byFunctionName.merge(name, instances, Math::max);
        } catch (NumberFormatException e) {
            throw new StackException(where + ": " + count + " is not a whole number");
        }
    }

    List<FunctionSpec> applyTo(List<FunctionSpec> functions) {
        return functions.stream().map(this::applyTo).toList();
    }

    private FunctionSpec applyTo(FunctionSpec f) {
        Integer instances = byFunctionName.get(f.name());
        if (instances == null) {
            return f;
        }
        return new FunctionSpec(f.logicalId(), f.name(), f.handler(), f.runtime(), f.memoryMb(), f.timeoutSeconds(),
                f.environment(), f.codePath(), f.reservedConcurrency(), Math.max(f.provisionedConcurrency(), instances));
    }
}
