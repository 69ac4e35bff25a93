package com.flightwatch.e2e.localstack;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** The SDK v2 clients the deployment uses, all on LocalStack's endpoint, as a user's deploy code would build them. */
record LocalStackClients(LambdaClient lambda, SnsClient sns, ApiGatewayClient apiGateway, SdkHttpClient http)
        implements AutoCloseable {

    /**
     * A synchronous invoke waits for a cold Java function in a fresh container (and, the first
     * time, for the runtime image to be pulled): far beyond the HTTP client's 30 s default.
     */
    private static final Duration INVOKE_READ_TIMEOUT = Duration.ofMinutes(5);

    static LocalStackClients on(LocalStackContainers containers) {
        return on(containers.endpoint(), containers.region(), containers.accessKey(), containers.secretKey());
    }

    static LocalStackClients on(URI endpoint, String regionName, String accessKey, String secretKey) {
        SdkHttpClient http = UrlConnectionHttpClient.builder().socketTimeout(INVOKE_READ_TIMEOUT).build();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(accessKey, secretKey));
        Region region = Region.of(regionName);
        return new LocalStackClients(
                LambdaClient.builder().endpointOverride(endpoint).region(region)
                        .credentialsProvider(credentials).httpClient(http).build(),
                SnsClient.builder().endpointOverride(endpoint).region(region)
                        .credentialsProvider(credentials).httpClient(http).build(),
                ApiGatewayClient.builder().endpointOverride(endpoint).region(region)
                        .credentialsProvider(credentials).httpClient(http).build(),
                http);
    }

    @Override
    public void close() {
        lambda.close();
        sns.close();
        apiGateway.close();
        http.close();
    }
}
