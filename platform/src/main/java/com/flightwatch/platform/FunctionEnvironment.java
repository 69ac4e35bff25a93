package com.flightwatch.platform;

import com.flightwatch.platform.stack.FunctionSpec;
import com.flightwatch.platform.stack.LocalDatabase;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the platform adds to each function's environment: the local stand-ins for what AWS would
 * give it (the database for its RDS instance, the control plane for the AWS endpoints, dummy
 * credentials that the SDK signs with and the platform does not check on loopback). These win over
 * the template's values, which point at the cloud.
 *
 * <p>On AWS the functions read the database from the RDS secret ({@code DB_SECRET_ARN}). Locally
 * there is no secret: its ARN is dropped, so {@code DB_*} apply. {@code DB_MIGRATE} stays as the
 * template sets it: the platform runs the stack's migrator custom resource at start as
 * CloudFormation does on deploy, so cold starts do not each run Flyway.
 */
final class FunctionEnvironment {

    /** Cloud-only settings that would send a function to AWS instead of the local stand-in. */
    private static final Set<String> DROPPED = Set.of("DB_SECRET_ARN");

    private static final String DEFAULT_HOST = "127.0.0.1";
    private static final int DEFAULT_PORT = 3306;

    private final Map<String, String> platformVariables;
    private final String dbHost;
    private final String dbPort;

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
        URI address = address(dbUrl);
        this.dbHost = address != null && address.getHost() != null ? address.getHost() : DEFAULT_HOST;
        this.dbPort = String.valueOf(address != null && address.getPort() > 0 ? address.getPort() : DEFAULT_PORT);
    }

    /** {@code jdbc:mysql://host:port/db?...} as a URI; null for shapes URI does not take (several hosts). */
    private static URI address(String dbUrl) {
        try {
            return URI.create(dbUrl.startsWith("jdbc:") ? dbUrl.substring("jdbc:".length()) : dbUrl);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    FunctionSpec applyTo(FunctionSpec function) {
        Map<String, String> environment = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> {
            if (!DROPPED.contains(name)) {
                // Fn::GetAtt of the RDS instance's endpoint: the local database's address.
                environment.put(name, LocalDatabase.substitute(value, dbHost, dbPort));
            }
        });
        environment.putAll(platformVariables);
        return function.withEnvironment(Map.copyOf(environment));
    }
}
