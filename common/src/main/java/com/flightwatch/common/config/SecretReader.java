package com.flightwatch.common.config;

import java.net.URI;

/** Reads a secret's string value; Secrets Manager in the functions, a map in tests. */
@FunctionalInterface
public interface SecretReader {

    /**
     * @param endpointOrNull {@code AWS_ENDPOINT_URL}, or null for the region's AWS endpoint
     */
    String secretString(String secretArn, String region, URI endpointOrNull);
}
