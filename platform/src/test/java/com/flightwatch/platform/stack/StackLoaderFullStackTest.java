package com.flightwatch.platform.stack;

import static com.flightwatch.platform.stack.AssemblyFixture.variables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cloud-only part of a full AWS stack (VPC, endpoints, security groups, RDS and its secret,
 * alarms, queues, log groups, aliases and versions, a custom resource) added to the "app"
 * assembly: mapped or skipped with one notice per kind, never a failure.
 */
class StackLoaderFullStackTest {

    private static final String REGION = "us-east-1";
    private static final String ECHO_ARN = "arn:aws:lambda:us-east-1:000000000000:function:EchoFunction";
    private static final String WORKER_ARN = "arn:aws:lambda:us-east-1:000000000000:function:app-worker";

    @TempDir
    Path cdkOut;

    private final List<String> notices = new ArrayList<>();
    private final StackLoader loader = new StackLoader(notices::add);

    @BeforeEach
    void addCloudResources() {
        AssemblyFixture.app(cdkOut).editTemplate(template -> {
            ((ObjectNode) template.get("Resources")).setAll(cloudResources());
            variables(template, "EchoFunction")
                    .<ObjectNode>set("DB_SECRET_ARN", AssemblyFixture.json("{\"Ref\": \"DatabaseSecretAttachment\"}"))
                    .<ObjectNode>set("DB_HOST", AssemblyFixture.json("{\"Fn::GetAtt\": [\"Database\", \"Endpoint.Address\"]}"))
                    .<ObjectNode>set("DB_PORT", AssemblyFixture.json("{\"Fn::GetAtt\": \"Database.Endpoint.Port\"}"))
                    .<ObjectNode>set("LIVE_ARN", AssemblyFixture.json("{\"Ref\": \"EchoLive\"}"))
                    .set("VERSION_ARN", AssemblyFixture.json("{\"Ref\": \"EchoVersion\"}"));
        });
    }

    @Test
    void load_fullStack_noticesOncePerKindItMapsOrSkips() {
        loader.load(cdkOut, null, REGION);

        assertThat(notices).contains(
                "mapping 2 AWS::Lambda::Alias (callers of an alias reach its function; ProvisionedConcurrencyConfig starts warm instances)",
                "mapping 2 AWS::Lambda::Version (callers of a version reach its function; SnapStart does not apply locally)",
                "skipping 1 AWS::EC2::VPC (the network maps to this machine: functions reach the control plane on loopback)",
                "skipping 2 AWS::EC2::Subnet (the network maps to this machine: functions reach the control plane on loopback)",
                "skipping 2 AWS::EC2::SecurityGroup (the network maps to this machine: functions reach the control plane on loopback)",
                "skipping 2 AWS::EC2::VPCEndpoint (the network maps to this machine: functions reach the control plane on loopback)",
                "skipping 1 AWS::CloudWatch::Alarm (no CloudWatch locally: activations show the failures)",
                "skipping 1 AWS::Logs::LogGroup (each activation keeps its own logs)",
                "mapping 1 Custom::SchemaMigrations (" + SkippedResources.CUSTOM_RESOURCE_MAPPING + ")",
                "skipping 1 Custom::ForeignThing (" + SkippedResources.CUSTOM_RESOURCE_REASON + ")")
                .anySatisfy(notice -> assertThat(notice).startsWith("skipping 1 AWS::RDS::DBInstance (the platform's database"))
                .anySatisfy(notice -> assertThat(notice).startsWith("skipping 1 AWS::SecretsManager::SecretTargetAttachment ("))
                .anySatisfy(notice -> assertThat(notice).startsWith("skipping 1 AWS::SQS::Queue (the platform keeps undeliverable"))
                .doesNotHaveDuplicates();
        assertThat(notices).noneMatch(notice -> notice.endsWith("(not run locally)"));
    }

    @Test
    void load_customResourceOfAStackFunction_isRunAtStartWithItsResolvedProperties() {
        StackSpec stack = loader.load(cdkOut, null, REGION);

        assertThat(stack.customResources()).singleElement().satisfies(resource -> {
            assertThat(resource.logicalId()).isEqualTo("SchemaMigrations");
            assertThat(resource.resourceType()).isEqualTo("Custom::SchemaMigrations");
            assertThat(resource.functionName()).isEqualTo("app-worker");
            assertThat(resource.properties().path("MigrationsHash").asText()).isEqualTo("9f2c1e");
            assertThat(resource.properties().has("ServiceToken")).isFalse();
        });
    }

    @Test
    void load_aliasAndVersionRefs_resolveToTheFunctionArnWithItsQualifier() {
        FunctionSpec echo = function(loader.load(cdkOut, null, REGION), "EchoFunction");

        assertThat(echo.environment())
                .containsEntry("LIVE_ARN", ECHO_ARN + ":live")
                .containsEntry("VERSION_ARN", ECHO_ARN + ":1");
    }

    @Test
    void load_rdsEndpointAndSecret_resolveToLocalPlaceholdersAndTheSecretArn() {
        FunctionSpec echo = function(loader.load(cdkOut, null, REGION), "EchoFunction");

        assertThat(echo.environment())
                .containsEntry("DB_HOST", LocalDatabase.HOST_PLACEHOLDER)
                .containsEntry("DB_PORT", LocalDatabase.PORT_PLACEHOLDER);
        assertThat(echo.environment().get("DB_SECRET_ARN")).startsWith("arn:aws:secretsmanager:us-east-1:000000000000:secret:");
        assertThat(LocalDatabase.substitute(echo.environment().get("DB_HOST") + ":" + echo.environment().get("DB_PORT"),
                "127.0.0.1", "33061")).isEqualTo("127.0.0.1:33061");
    }

    @Test
    void load_provisionedConcurrencyOnAliasAndVersion_keepsTheLargestOnTheFunction() {
        StackSpec stack = loader.load(cdkOut, null, REGION);

        assertThat(function(stack, "EchoFunction").provisionedConcurrency()).isEqualTo(3);
        assertThat(function(stack, "WorkerFunction").provisionedConcurrency()).isZero();
    }

    @Test
    void load_subscriptionAndScheduleOnAnAlias_targetTheFunction() {
        StackSpec stack = loader.load(cdkOut, null, REGION);

        assertThat(stack.subscriptions()).anySatisfy(subscription -> {
            assertThat(subscription.logicalId()).isEqualTo("WorkerLiveSubscription");
            assertThat(subscription.endpoint()).isEqualTo(WORKER_ARN + ":live");
        });
        ScheduleSpec schedule = stack.schedules().stream()
                .filter(s -> s.logicalId().equals("WorkerLiveSchedule")).findFirst().orElseThrow();
        assertThat(schedule.targets()).extracting(ScheduleSpec.Target::functionName).containsExactly("app-worker");
    }

    private static ObjectNode cloudResources() {
        try (InputStream in = StackLoaderFullStackTest.class.getResourceAsStream("/stacks/full-stack/cloud-resources.json")) {
            JsonNode resources = new ObjectMapper().readTree(in);
            return (ObjectNode) resources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FunctionSpec function(StackSpec stack, String logicalId) {
        return stack.functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst().orElseThrow();
    }
}
