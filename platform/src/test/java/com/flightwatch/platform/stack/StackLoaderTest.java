package com.flightwatch.platform.stack;

import static com.flightwatch.platform.stack.AssemblyFixture.json;
import static com.flightwatch.platform.stack.AssemblyFixture.properties;
import static com.flightwatch.platform.stack.AssemblyFixture.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackLoaderTest {

    private static final String REGION = "us-east-1";

    @TempDir
    Path cdkOut;

    private final List<String> notices = new ArrayList<>();
    private final StackLoader loader = new StackLoader(notices::add);

    @Test
    void load_cdkAssembly_readsFunctionsWithTheirAssetsAndDefaults() {
        AssemblyFixture.app(cdkOut);

        StackSpec stack = loader.load(cdkOut, null, REGION);

        assertThat(stack.stackName()).isEqualTo("App");
        FunctionSpec echo = function(stack, "EchoFunction");
        assertThat(echo.name()).isEqualTo("EchoFunction");
        assertThat(echo.handler()).isEqualTo("com.example.Echo::handleRequest");
        assertThat(echo.runtime()).isEqualTo("java21");
        assertThat(echo.memoryMb()).isEqualTo(512);
        assertThat(echo.timeoutSeconds()).isEqualTo(15);
        assertThat(echo.codePath()).isEqualTo(cdkOut.resolve(AssemblyFixture.ECHO_JAR));
        FunctionSpec worker = function(stack, "WorkerFunction");
        assertThat(worker.name()).isEqualTo("app-worker");
        assertThat(worker.handler()).isEqualTo("com.example.Worker");
        assertThat(worker.memoryMb()).isEqualTo(128);
        assertThat(worker.timeoutSeconds()).isEqualTo(3);
        assertThat(worker.environment()).isEmpty();
        assertThat(worker.codePath()).isEqualTo(cdkOut.resolve(AssemblyFixture.WORKER_JAR));
    }

    @Test
    void load_environmentVariables_resolvesEveryIntrinsic() {
        AssemblyFixture.app(cdkOut);

        Map<String, String> env = function(loader.load(cdkOut, null, REGION), "EchoFunction").environment();

        assertThat(env).containsEntry("TOPIC_ARN", "arn:aws:sns:us-east-1:000000000000:alerts")
                .containsEntry("TOPIC_NAME", "alerts")
                .containsEntry("PSEUDO", "us-east-1|000000000000|aws|amazonaws.com|App")
                .containsEntry("JOINED", "prod-blue-red")
                .containsEntry("SELECTED", "b")
                .containsEntry("PICKED", "prod-value")
                .containsEntry("EUROPE", "no")
                .containsEntry("SUB_VARIABLES", "hello, alerts! ${Literal} arn:aws:sns:us-east-1:000000000000:alerts")
                .containsEntry("BOOTSTRAP", "/cdk-bootstrap/hnb659fds/version")
                .containsEntry("ROLE_ARN", "arn:aws:iam::000000000000:role/EchoFunctionServiceRole8E2A5B1C")
                .containsEntry("WORKER_ARN", "arn:aws:lambda:us-east-1:000000000000:function:app-worker")
                .containsEntry("ENCODED", "aGk=")
                .containsEntry("ZONE", "us-east-1b")
                .containsEntry("MAPPED", "512")
                .containsEntry("PORT", "8080")
                .doesNotContainKey("OPTIONAL");
        assertThat(env.get("API_ID")).matches("[a-z0-9]{10}");
        assertThat(env.get("API_ROOT")).matches("[a-z0-9]{10}").isNotEqualTo(env.get("API_ID"));
    }

    @Test
    void load_otherRegion_resolvesPseudoParametersConditionsAndArnsThere() {
        AssemblyFixture.app(cdkOut);

        Map<String, String> env = function(loader.load(cdkOut, null, "eu-west-1"), "EchoFunction").environment();

        assertThat(env).containsEntry("TOPIC_ARN", "arn:aws:sns:eu-west-1:000000000000:alerts")
                .containsEntry("EUROPE", "yes")
                .containsEntry("MAPPED", "1024");
    }

    @Test
    void load_topicsAndSubscriptions_resolvesNamesArnsAndEndpoints() {
        AssemblyFixture.app(cdkOut);

        StackSpec stack = loader.load(cdkOut, null, REGION);

        assertThat(stack.topics()).containsExactly(
                new TopicSpec("AlertsTopic", "alerts", "arn:aws:sns:us-east-1:000000000000:alerts"),
                new TopicSpec("UnnamedTopic", "UnnamedTopic", "arn:aws:sns:us-east-1:000000000000:UnnamedTopic"));
        assertThat(stack.subscriptions()).containsExactly(new SubscriptionSpec("WorkerSubscription",
                "arn:aws:sns:us-east-1:000000000000:alerts", "lambda",
                "arn:aws:lambda:us-east-1:000000000000:function:app-worker", "{\"kind\":[\"sms\"]}", null));
    }

    @Test
    void load_scheduledEventsRule_readsItsExpressionAndFunctionTargets() {
        AssemblyFixture.app(cdkOut).editTemplate(template -> ((com.fasterxml.jackson.databind.node.ObjectNode) template
                .get("Resources")).set("SweepRule", json("{\"Type\": \"AWS::Events::Rule\", \"Properties\": {"
                + "\"ScheduleExpression\": \"rate(1 minute)\", \"State\": \"ENABLED\", \"Targets\": ["
                + "{\"Arn\": {\"Fn::GetAtt\": [\"WorkerFunction\", \"Arn\"]}, \"Id\": \"Target0\"},"
                + "{\"Arn\": \"arn:aws:sqs:us-east-1:000000000000:queue\", \"Id\": \"Target1\"}]}}")));

        StackSpec stack = loader.load(cdkOut, null, REGION);

        assertThat(stack.schedules()).singleElement().satisfies(rule -> {
            assertThat(rule.logicalId()).isEqualTo("SweepRule");
            assertThat(rule.name()).as("named after the logical id, as the template gives no Name").isEqualTo("SweepRule");
            assertThat(rule.scheduleExpression()).isEqualTo("rate(1 minute)");
            assertThat(rule.enabled()).isTrue();
            assertThat(rule.targets()).containsExactly(new ScheduleSpec.Target("app-worker", null));
        });
        assertThat(notices).anyMatch(notice -> notice.contains("SweepRule") && notice.contains("not a function"));
    }

    @Test
    void load_restApi_resolvesTheInlineBodyTheStageAndTheKeysBoundToIt() throws Exception {
        AssemblyFixture.app(cdkOut);

        ApiSpec api = loader.load(cdkOut, null, REGION).apis().get(0);

        assertThat(api.logicalId()).isEqualTo("Api");
        assertThat(api.name()).isEqualTo("app-api");
        assertThat(api.stageName()).isEqualTo("live");
        JsonNode document = new ObjectMapper().readTree(api.openApiJson());
        assertThat(document.at("/paths/~1items~1{id}/get/x-amazon-apigateway-integration/uri").asText())
                .isEqualTo("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                        + "arn:aws:lambda:us-east-1:000000000000:function:EchoFunction/invocations");
        assertThat(document.at("/x-amazon-apigateway-gateway-responses/BAD_REQUEST_BODY/responseTemplates/application~1json")
                .asText()).isEqualTo("{\"message\": \"$context.error.validationErrorString\"}");
        assertThat(api.apiKeys()).containsExactly(
                new ApiKeySpec("GivenKey", "app-given-key", "given-key-value-0123456789abcdefghijkl", true),
                new ApiKeySpec("GeneratedKey", "GeneratedKey", null, false));
    }

    @Test
    void load_usagePlan_readsItsThrottlesQuotaKeysAndTheStagesMethodSettings() {
        AssemblyFixture.app(cdkOut).editTemplate(template -> properties(template, "UsagePlan").set("ApiStages",
                json("{\"a\": [{\"ApiId\": {\"Ref\": \"Api\"}, \"Stage\": {\"Ref\": \"ApiDeploymentStageprod\"},"
                        + " \"Throttle\": {\"/items/{id}/GET\": {\"RateLimit\": 2, \"BurstLimit\": 3}}}]}").get("a")));

        ApiSpec api = loader.load(cdkOut, null, REGION).apis().get(0);

        assertThat(api.usagePlans()).containsExactly(new UsagePlanSpec("UsagePlan", "UsagePlan", new ThrottleSpec(5, 10),
                Map.of("/items/{id}/GET", new ThrottleSpec(2, 3)), new QuotaSpec(1000, QuotaSpec.Period.DAY, 0),
                List.of("GivenKey", "GeneratedKey")));
        assertThat(api.stageThrottles()).containsExactly(Map.entry("/*/*", new ThrottleSpec(10, 20)));
    }

    @Test
    void load_stageOnlyOnTheDeployment_takesTheDeploymentsStageName() {
        AssemblyFixture.app(cdkOut).editTemplate(template -> {
            ((ObjectNode) template.get("Resources")).remove("ApiDeploymentStageprod");
            properties(template, "ApiPermissionEcho").put("SourceArn", "arn:aws:execute-api:*");
            properties(template, "UsagePlan").set("ApiStages", json("{\"a\": [{\"ApiId\": {\"Ref\": \"Api\"}}]}").get("a"));
            properties(template, "ApiDeployment5F3E2D1C").put("StageName", "beta");
        });

        assertThat(loader.load(cdkOut, null, REGION).apis().get(0).stageName()).isEqualTo("beta");
    }

    @Test
    void load_bodyS3Location_readsTheDocumentFromTheAsset() throws Exception {
        AssemblyFixture.app(cdkOut).editTemplate(template -> {
            properties(template, "Api").remove("Body");
            properties(template, "Api").set("BodyS3Location", json("{\"Bucket\": {\"Fn::Sub\": "
                    + "\"cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}\"}, \"Key\": \""
                    + AssemblyFixture.OPENAPI_OBJECT_KEY + "\"}"));
        });

        ApiSpec api = loader.load(cdkOut, null, REGION).apis().get(0);

        JsonNode document = new ObjectMapper().readTree(api.openApiJson());
        assertThat(document.at("/info/title").asText()).isEqualTo("from-asset");
        assertThat(document.at("/paths/~1ping/get/x-amazon-apigateway-integration/type").asText()).isEqualTo("aws_proxy");
    }

    @Test
    void load_resourcesItDoesNotRun_noticesOncePerTypeAndCountsIamSilently() {
        AssemblyFixture.app(cdkOut);

        loader.load(cdkOut, null, REGION);

        assertThat(notices).containsExactly(
                "skipping 2 AWS::Lambda::Permission (not needed locally)");
    }

    @Test
    void load_resourceWhoseConditionIsFalse_leavesItOut() {
        AssemblyFixture.app(cdkOut);

        StackSpec stack = loader.load(cdkOut, null, REGION);

        assertThat(stack.topics()).extracting(TopicSpec::logicalId).doesNotContain("OutsideProdTopic");
    }

    @Test
    void load_severalStacksAndNoName_failsListingThem() {
        AssemblyFixture.twoStacks(cdkOut);

        assertThatThrownBy(() -> loader.load(cdkOut, null, REGION))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("several stacks (Blue, green-stack)");
    }

    @Test
    void load_stackNamedByStackNameOrArtifactId_loadsThatStack() {
        AssemblyFixture.twoStacks(cdkOut);

        assertThat(loader.load(cdkOut, "green-stack", REGION).topics().get(0).name()).isEqualTo("green-stack-topic");
        assertThat(loader.load(cdkOut, "Green", REGION).stackName()).isEqualTo("green-stack");
        assertThat(loader.load(cdkOut, "Blue", REGION).topics().get(0).name()).isEqualTo("Blue-topic");
    }

    @Test
    void load_unknownStackName_failsListingTheStacks() {
        AssemblyFixture.twoStacks(cdkOut);

        assertThatThrownBy(() -> loader.load(cdkOut, "Red", REGION))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("No stack named Red")
                .hasMessageContaining("Blue, green-stack");
    }

    @Test
    void load_noManifest_failsSayingToSynthesize() {
        assertThatThrownBy(() -> loader.load(cdkOut, null, REGION))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("manifest.json is missing (run `cdk synth` first)");
    }

    @Test
    void load_refToNothing_failsNamingTheResourceAndTheReference() {
        AssemblyFixture.app(cdkOut).editTemplate(t -> variables(t, "EchoFunction").set("BROKEN", json("{\"Ref\": \"Nowhere\"}")));

        assertThatThrownBy(() -> loader.load(cdkOut, null, REGION))
                .isInstanceOf(StackException.class)
                .hasMessage("EchoFunction (Environment.Variables): cannot resolve {\"Ref\":\"Nowhere\"}:"
                        + " no parameter, resource or pseudo parameter is named Nowhere");
    }

    @Test
    void load_attributeWithoutLocalValue_failsNamingIt() {
        AssemblyFixture.app(cdkOut).editTemplate(t -> variables(t, "EchoFunction")
                .set("BROKEN", json("{\"Fn::GetAtt\": [\"UsagePlan\", \"Endpoint.Address\"]}")));

        assertThatThrownBy(() -> loader.load(cdkOut, null, REGION))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("EchoFunction (Environment.Variables): cannot resolve")
                .hasMessageContaining("the attribute Endpoint.Address of UsagePlan (AWS::ApiGateway::UsagePlan) has no local value");
    }

    @Test
    void load_parameterWithoutDefault_failsNamingIt() {
        AssemblyFixture.app(cdkOut).editTemplate(t -> ((ObjectNode)
                t.get("Parameters").get("StageParam")).remove("Default"));

        assertThatThrownBy(() -> loader.load(cdkOut, null, REGION))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("the parameter StageParam has no Default");
    }

    @Test
    void load_unsupportedFunction_failsNamingIt() {
        AssemblyFixture.app(cdkOut).editTemplate(t -> variables(t, "EchoFunction")
                .set("BROKEN", json("{\"Fn::ImportValue\": \"SharedValue\"}")));

        assertThatThrownBy(() -> loader.load(cdkOut, null, REGION))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("Fn::ImportValue is not supported locally");
    }

    @Test
    void load_circularReference_failsInsteadOfLooping() {
        AssemblyFixture.app(cdkOut).editTemplate(t -> properties(t, "WorkerFunction")
                .set("FunctionName", json("{\"Fn::Join\": [\"-\", [{\"Ref\": \"WorkerFunction\"}, \"x\"]]}")));

        assertThatThrownBy(() -> loader.load(cdkOut, null, REGION))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("circular reference through WorkerFunction");
    }

    @Test
    void load_inlineZipFileCode_failsSayingItIsUnsupported() {
        AssemblyFixture.app(cdkOut).editTemplate(t -> properties(t, "WorkerFunction")
                .set("Code", json("{\"ZipFile\": \"exports.handler = async () => 1\"}")));

        assertThatThrownBy(() -> loader.load(cdkOut, null, REGION))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("Function WorkerFunction has inline code (Code.ZipFile), which is unsupported");
    }

    @Test
    void load_assetFileMissing_failsNamingTheAsset() {
        AssemblyFixture.app(cdkOut).delete(AssemblyFixture.WORKER_JAR);

        assertThatThrownBy(() -> loader.load(cdkOut, null, REGION))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("WorkerFunction (Code) needs the asset")
                .hasMessageContaining(AssemblyFixture.WORKER_JAR);
    }

    @Test
    void load_s3KeyThatIsNoAsset_failsNamingTheKey() {
        AssemblyFixture.app(cdkOut).editTemplate(t -> ((ObjectNode)
                properties(t, "WorkerFunction").get("Code")).put("S3Key", "elsewhere.zip"));

        assertThatThrownBy(() -> loader.load(cdkOut, null, REGION))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("WorkerFunction (Code) refers to S3 object elsewhere.zip");
    }

    private static FunctionSpec function(StackSpec stack, String logicalId) {
        return stack.functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst().orElseThrow();
    }
}
