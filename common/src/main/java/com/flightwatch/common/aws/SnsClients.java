package com.flightwatch.common.aws;

import com.flightwatch.common.config.Config;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
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

    static AwsCredentialsProvider credentials(Config config, Function<String, String> env) {
        return AwsCredentials.forEndpoint(config.awsEndpointUrl(), env);
    }
}
