package com.flightwatch.common.aws;

import com.flightwatch.common.config.Config;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;

/**
 * Builds the SNS client the functions share: the URL-connection HTTP client (fastest cold start),
 * the configured region, and {@code AWS_ENDPOINT_URL} as endpoint override when set, which is how
 * the same jar talks to the bundled platform instead of AWS.
 */
public final class SnsClients {

    private static final Logger LOG = LoggerFactory.getLogger(SnsClients.class);

    private SnsClients() {
    }

    public static SnsClient create(Config config) {
        return create(config, System::getenv);
    }

    static SnsClient create(Config config, Function<String, String> env) {
        SnsClientBuilder builder = SnsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(config.awsRegion()))
                .credentialsProvider(credentials(config, env));
        config.awsEndpointUrl().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * A local endpoint accepts any signature, and without keys in the environment the default chain
     * would end by probing the EC2 metadata service, which costs seconds off AWS. So against a local
     * endpoint with no keys set, sign with fixed placeholder keys.
     */
    static AwsCredentialsProvider credentials(Config config, Function<String, String> env) {
        boolean keysInEnvironment = env.apply("AWS_ACCESS_KEY_ID") != null;
        if (config.awsEndpointUrl().isPresent() && !keysInEnvironment) {
            LOG.info("No AWS keys in the environment; signing requests to {} with placeholder keys",
                    config.awsEndpointUrl().get());
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
