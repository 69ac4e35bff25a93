package com.flightwatch.common.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.common.config.Config;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

class SnsClientsTest {

    private final Map<String, String> env = new HashMap<>(Map.of(
            "DB_URL", "jdbc:mysql://127.0.0.1/fw", "DB_USER", "fw", "AWS_REGION", "eu-west-1"));

    @Test
    void create_withEndpointUrl_overridesTheEndpointAndRegion() {
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:3001");

        try (SnsClient client = SnsClients.create(Config.load(env::get), env::get)) {
            assertThat(client.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:3001"));
            assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
        }
    }

    @Test
    void credentials_localEndpointWithoutKeys_usesPlaceholderKeys() {
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:3001");

        assertThat(SnsClients.credentials(Config.load(env::get), env::get)).isInstanceOf(StaticCredentialsProvider.class);
    }

    @Test
    void credentials_localEndpointWithKeys_usesTheDefaultChain() {
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:3001");
        env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");

        assertThat(SnsClients.credentials(Config.load(env::get), env::get)).isInstanceOf(DefaultCredentialsProvider.class);
    }

    @Test
    void credentials_onAws_usesTheDefaultChain() {
        assertThat(SnsClients.credentials(Config.load(env::get), env::get)).isInstanceOf(DefaultCredentialsProvider.class);
    }
}
