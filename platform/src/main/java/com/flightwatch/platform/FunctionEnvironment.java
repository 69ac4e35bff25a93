package com.flightwatch.platform;

import com.flightwatch.platform.stack.FunctionSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the platform adds to each function's environment: the local stand-ins for what AWS would
 * give it (the database for its RDS instance, the control plane for the AWS endpoints, dummy
 * credentials that the SDK signs with and the platform does not check on loopback). These win over
 * the template's values, which point at the cloud.
 */
final class FunctionEnvironment {

    private final Map<String, String> platformVariables;

    FunctionEnvironment(String dbUrl, String dbUser, String dbPassword, String controlUrl, String region) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("DB_URL", dbUrl);
        variables.put("DB_USER", dbUser);
        variables.put("DB_PASSWORD", dbPassword);
        variables.put("AWS_ENDPOINT_URL", controlUrl);
        variables.put("AWS_REGION", region);
        variables.put("AWS_DEFAULT_REGION", region);
        variables.put("AWS_ACCESS_KEY_ID", "local");
        variables.put("AWS_SECRET_ACCESS_KEY", "local");
        this.platformVariables = Map.copyOf(variables);
    }

    FunctionSpec applyTo(FunctionSpec function) {
        Map<String, String> environment = new LinkedHashMap<>(function.environment());
        environment.putAll(platformVariables);
        return function.withEnvironment(Map.copyOf(environment));
    }
}
