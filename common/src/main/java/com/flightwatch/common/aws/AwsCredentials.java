package com.flightwatch.common.aws;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The credentials every AWS client of the functions signs with. */
final class AwsCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(AwsCredentials.class);

    private AwsCredentials() {
    }

    /**
     * A local endpoint accepts any signature, and without keys in the environment the default chain
     * would end by probing the EC2 metadata service, which costs seconds off AWS. So against a local
     * endpoint with no keys set, sign with fixed placeholder keys.
     */
    static AwsCredentialsProvider forEndpoint(Optional<URI> endpoint, Function<String, String> env) {
        boolean keysInEnvironment = env.apply("AWS_ACCESS_KEY_ID") != null;
        if (endpoint.isPresent() && !keysInEnvironment) {
            LOG.info("No AWS keys in the environment; signing requests to {} with placeholder keys", endpoint.get());
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
