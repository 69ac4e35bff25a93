package com.flightwatch.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.common.testing.EventFixtures;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The custom resource end to end except the database: fixtures read by Lambda's own serializers,
 * the answer PUT over a real socket to a stand-in for CloudFormation's pre-signed URL.
 */
class MigratorHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer cloudFormation;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger migrations = new AtomicInteger();
    private String responseUrl;

    private record Received(String method, String contentType, JsonNode body) {
    }

    @BeforeEach
    void startCloudFormationStandIn() throws IOException {
        cloudFormation = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cloudFormation.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                received.add(new Received(exchange.getRequestMethod(),
                        exchange.getRequestHeaders().getFirst("Content-Type"), JSON.readTree(body)));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        cloudFormation.start();
        responseUrl = "http://127.0.0.1:" + cloudFormation.getAddress().getPort() + "/bucket/key?X-Amz-Signature=abc";
    }

    @AfterEach
    void stop() {
        cloudFormation.stop(0);
    }

    @Test
    void handleRequest_create_migratesAndPutsSuccessWithTheSchemaVersion() {
        CustomResourceResponse response = handler(() -> {
            migrations.incrementAndGet();
            return "2";
        }).handleRequest(event("custom-resource-create.json"), null);

        assertThat(migrations).hasValue(1);
        assertThat(response.succeeded()).isTrue();
        assertThat(received).singleElement().satisfies(put -> {
            assertThat(put.method()).isEqualTo("PUT");
            assertThat(put.contentType()).isNullOrEmpty();
            assertThat(put.body().path("Status").asText()).isEqualTo("SUCCESS");
            assertThat(put.body().path("PhysicalResourceId").asText()).isEqualTo("flightwatch-schema");
            assertThat(put.body().path("RequestId").asText()).isEqualTo("3e0c5e2a-7f51-4d6b-9a3e-6c2f0e9d1a11");
            assertThat(put.body().path("LogicalResourceId").asText()).isEqualTo("SchemaMigrations");
            assertThat(put.body().path("StackId").asText()).startsWith("arn:aws:cloudformation:eu-west-1:");
            assertThat(put.body().path("Data").path("SchemaVersion").asText()).isEqualTo("2");
        });
    }

    @Test
    void handleRequest_update_migratesAgainKeepingThePhysicalId() {
        CustomResourceResponse response = handler(() -> {
            migrations.incrementAndGet();
            return "3";
        }).handleRequest(event("custom-resource-update.json"), null);

        assertThat(migrations).hasValue(1);
        assertThat(response.physicalResourceId()).isEqualTo("flightwatch-schema");
        assertThat(received).singleElement().satisfies(put -> assertThat(put.body().path("Status").asText()).isEqualTo("SUCCESS"));
    }

    @Test
    void handleRequest_delete_leavesTheSchemaAloneAndSucceeds() {
        CustomResourceResponse response = handler(() -> {
            throw new AssertionError("Delete must not migrate");
        }).handleRequest(event("custom-resource-delete.json"), null);

        assertThat(response.succeeded()).isTrue();
        assertThat(received).singleElement().satisfies(put -> assertThat(put.body().path("Status").asText()).isEqualTo("SUCCESS"));
    }

    @Test
    void handleRequest_whenMigrationFails_putsFailedWithTheCauseSoTheDeployRollsBack() {
        CustomResourceResponse response = handler(() -> {
            throw new IllegalStateException("Migration V2__alerts.sql failed",
                    new java.sql.SQLSyntaxErrorException("Table 'alerts' already exists"));
        }).handleRequest(event("custom-resource-create.json"), null);

        assertThat(response.succeeded()).isFalse();
        assertThat(received).singleElement().satisfies(put -> {
            assertThat(put.body().path("Status").asText()).isEqualTo("FAILED");
            assertThat(put.body().path("Reason").asText())
                    .contains("V2__alerts.sql")
                    .contains("SQLSyntaxErrorException: Table 'alerts' already exists");
        });
    }

    @Test
    void handleRequest_unknownRequestType_answersFailed() {
        CloudFormationCustomResourceEvent event = event("custom-resource-create.json");
        event.setRequestType("Rename");

        CustomResourceResponse response = handler(() -> "1").handleRequest(event, null);

        assertThat(response.status()).isEqualTo("FAILED");
        assertThat(response.reason()).isEqualTo("Unknown RequestType Rename");
    }

    @Test
    void handleRequest_withoutResponseUrl_onlyReturnsTheAnswer() {
        CloudFormationCustomResourceEvent event = event("custom-resource-create.json");
        event.setResponseUrl(null);

        CustomResourceResponse response = handler(() -> "2").handleRequest(event, null);

        assertThat(response.succeeded()).isTrue();
        assertThat(received).isEmpty();
    }

    @Test
    void handleRequest_whenCloudFormationRefusesTheAnswer_fails() {
        cloudFormation.removeContext("/");
        cloudFormation.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(403, -1);
            exchange.close();
        });

        assertThatThrownBy(() -> handler(() -> "2").handleRequest(event("custom-resource-create.json"), null))
                .isInstanceOf(ResponseDeliveryException.class)
                .hasMessageContaining("HTTP 403");
    }

    @Test
    void reason_longFailure_isCappedForCloudFormation() {
        String reason = MigrationResource.reason(new IllegalStateException("x".repeat(5000)));

        assertThat(reason).hasSize(MigrationResource.MAX_REASON_LENGTH);
    }

    private MigratorHandler handler(SchemaMigration migration) {
        return new MigratorHandler(new MigrationResource(migration), new PresignedUrlSender());
    }

    private CloudFormationCustomResourceEvent event(String fixture) {
        CloudFormationCustomResourceEvent event = EventFixtures.load(fixture, CloudFormationCustomResourceEvent.class);
        event.setResponseUrl(responseUrl);
        return event;
    }
}
