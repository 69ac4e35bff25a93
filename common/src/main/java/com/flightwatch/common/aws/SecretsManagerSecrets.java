package com.flightwatch.common.aws;

import com.flightwatch.common.config.SecretReader;
import com.flightwatch.common.exceptions.ConfigException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * Reads secrets from Secrets Manager once per JVM: a warm Lambda instance keeps the value, so only
 * cold starts pay the round trip (through the VPC's interface endpoint). The database secret is
 * not rotated, so a cached value stays right for the life of the instance.
 */
public final class SecretsManagerSecrets implements SecretReader {

    public static final SecretsManagerSecrets INSTANCE = new SecretsManagerSecrets();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private SecretsManagerSecrets() {
    }

    @Override
    public String secretString(String secretArn, String region, URI endpointOrNull) {
        return CACHE.computeIfAbsent(secretArn, arn -> fetch(arn, region, endpointOrNull));
    }

    private static String fetch(String secretArn, String region, URI endpointOrNull) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(region))
                .credentialsProvider(AwsCredentials.forEndpoint(Optional.ofNullable(endpointOrNull), System::getenv));
        if (endpointOrNull != null) {
            builder.endpointOverride(endpointOrNull);
        }
        try (SecretsManagerClient client = builder.build()) {
            String value = client.getSecretValue(request -> request.secretId(secretArn)).secretString();
            if (value == null) {
                throw new ConfigException("DB_SECRET_ARN", "the secret " + secretArn + " has no string value");
            }
            return value;
        } catch (SdkException e) {
            throw new ConfigException("DB_SECRET_ARN", "cannot read the secret " + secretArn + ": " + e.getMessage());
        }
    }
}
