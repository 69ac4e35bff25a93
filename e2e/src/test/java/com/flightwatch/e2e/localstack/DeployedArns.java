package com.flightwatch.e2e.localstack;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stack loader resolves every {@code Ref} and {@code Fn::GetAtt} to the ARNs the platform would
 * give (account 000000000000, the loader's region). Once a function or topic exists in LocalStack,
 * its real ARN replaces that one wherever the template used it: environment variables, the OpenAPI
 * document's integration URIs, subscription endpoints. A qualifier after a function ARN
 * ({@code …:function:NAME:live}) survives the replacement.
 */
final class DeployedArns {

    private final Map<String, String> localToDeployed = new LinkedHashMap<>();

    void add(String loaderArn, String deployedArn) {
        localToDeployed.put(loaderArn, deployedArn);
    }

    /** {@code text} with every known ARN replaced; the longest first, so no ARN replaces part of another. */
    String rewrite(String text) {
        if (text == null) {
            return null;
        }
        String rewritten = text;
        for (Map.Entry<String, String> arn : localToDeployed.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .toList()) {
            rewritten = rewritten.replace(arn.getKey(), arn.getValue());
        }
        return rewritten;
    }

    Map<String, String> rewriteValues(Map<String, String> variables) {
        Map<String, String> rewritten = new LinkedHashMap<>();
        variables.forEach((name, value) -> rewritten.put(name, rewrite(value)));
        return rewritten;
    }
}
