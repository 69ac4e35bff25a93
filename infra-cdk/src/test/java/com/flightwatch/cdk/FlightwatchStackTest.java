package com.flightwatch.cdk;

import static com.flightwatch.cdk.SynthesizedStack.child;
import static com.flightwatch.cdk.SynthesizedStack.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The promises of the architecture, asserted on the synthesized template: what AWS deploys and
 * what the local platform reads. Built from the repository's real OpenAPI document and stand-in jars.
 */
class FlightwatchStackTest {

    private static final Path OPENAPI_DOCUMENT = Path.of("..", FlightwatchSources.OPENAPI_DOCUMENT);

    /** Which function serves each top-level path of the API (DESIGN.md's operation table). */
    private static final Map<String, FlightwatchFunction> FUNCTION_BY_PATH_ROOT = Map.of(
            "flights", FlightwatchFunction.FLIGHTS,
            "notifications", FlightwatchFunction.ALERTS,
            "alerts", FlightwatchFunction.ALERTS);

    @TempDir
    static Path repositoryRoot;

    /** Synthesis costs seconds (jsii drives Node.js), so the tests share one. */
    private static SynthesizedStack stack;
    private static Template template;

    @BeforeAll
    static void synthesize() throws IOException {
        stack = SynthesizedStack.synthesize(repositoryRoot, OPENAPI_DOCUMENT);
        template = stack.template;
    }

    @Test
    void functions_each_runJava21WithItsHandlerMemoryAndTimeout() {
        template.resourceCountIs("AWS::Lambda::Function", 5);
        List<Map<String, Object>> expected = List.of(
                Map.of("Handler", "com.flightwatch.flights.FlightsHandler::handleRequest", "MemorySize", 512, "Timeout", 15),
                Map.of("Handler", "com.flightwatch.alerts.AlertsHandler::handleRequest", "MemorySize", 1024, "Timeout", 30),
                Map.of("Handler", "com.flightwatch.sms.SmsHandler::handleRequest", "MemorySize", 512, "Timeout", 30),
                Map.of("Handler", "com.flightwatch.alerts.SweeperHandler::handleRequest", "MemorySize", 512, "Timeout", 60),
                Map.of("Handler", "com.flightwatch.migrator.MigratorHandler::handleRequest", "MemorySize", 1024, "Timeout", 300));
        for (Map<String, Object> function : expected) {
            Map<String, Object> properties = new HashMap<>(function);
            properties.put("Runtime", "java21");
            template.hasResourceProperties("AWS::Lambda::Function", properties);
        }
    }

    @Test
    void functions_environment_hasTheDatabaseSecretArnAndNeverAPassword() {
        Map<String, Object> secretArn = Map.of("Ref", stack.onlyId("AWS::SecretsManager::SecretTargetAttachment"));
        for (FlightwatchFunction function : FlightwatchFunction.values()) {
            Map<String, Object> variables = stack.environmentOf(function);
            assertThat(variables).as(function.name())
                    .containsEntry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1")
                    .containsEntry("DB_SECRET_ARN", secretArn)
                    .containsEntry("DB_MIGRATE", "false")
                    .doesNotContainKeys("DB_URL", "DB_USER", "DB_PASSWORD");
        }
        assertThat(stack.environmentOf(FlightwatchFunction.FLIGHTS)).containsOnlyKeys("JAVA_TOOL_OPTIONS", "DB_SECRET_ARN", "DB_MIGRATE");
        assertThat(stack.environmentOf(FlightwatchFunction.SMS)).containsOnlyKeys("JAVA_TOOL_OPTIONS", "DB_SECRET_ARN", "DB_MIGRATE");
    }

    @Test
    void alertsFunction_environment_carriesTheAlertsTopicArn() {
        assertThat(stack.environmentOf(FlightwatchFunction.ALERTS))
                .containsOnlyKeys("JAVA_TOOL_OPTIONS", "DB_SECRET_ARN", "DB_MIGRATE", "ALERTS_TOPIC_ARN")
                .containsEntry("ALERTS_TOPIC_ARN", Map.of("Ref", alertsTopicId()));
    }

    @Test
    void functions_code_isAJarAssetTheLocalPlatformCanFind() {
        for (FlightwatchFunction function : FlightwatchFunction.values()) {
            Map<String, Object> metadata = child(stack.resource(stack.functionId(function)), "Metadata");
            assertThat(metadata).containsEntry("aws:asset:property", "Code");
            assertThat((String) metadata.get("aws:asset:path")).startsWith("asset.").endsWith(".jar");
        }
    }

    @Test
    void smsFunction_subscription_isLambdaProtocolOnTheAlertsTopic() {
        template.resourceCountIs("AWS::SNS::Subscription", 1);
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "lambda",
                "TopicArn", Map.of("Ref", alertsTopicId()),
                "Endpoint", Map.of("Ref", stack.aliasId(FlightwatchFunction.SMS)),
                "RedrivePolicy", Map.of("deadLetterTargetArn", Map.of("Fn::GetAtt", List.of(stack.onlyId("AWS::SQS::Queue"), "Arn")))));
    }

    @Test
    void sweeperSchedule_everyMinute_invokesTheSweeperWithTheAlertsTopic() {
        template.resourceCountIs("AWS::Events::Rule", 1);
        template.hasResourceProperties("AWS::Events::Rule", Map.of(
                "ScheduleExpression", "rate(1 minute)",
                "State", "ENABLED",
                "Targets", List.of(Map.of("Arn", Map.of("Ref", stack.aliasId(FlightwatchFunction.SWEEPER)),
                        "Id", "Target0"))));
        assertThat(stack.environmentOf(FlightwatchFunction.SWEEPER))
                .containsEntry("ALERTS_TOPIC_ARN", Map.of("Ref", alertsTopicId()));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", "sns:Publish",
                        "Effect", "Allow",
                        "Resource", Map.of("Ref", alertsTopicId())))))),
                "Roles", List.of(Map.of("Ref", stack.roleIdOf(FlightwatchFunction.SWEEPER)))));
    }

    @Test
    void alertsFunction_role_mayPublishToTheAlertsTopic() {
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", "sns:Publish",
                        "Effect", "Allow",
                        "Resource", Map.of("Ref", alertsTopicId())))))),
                "Roles", List.of(Map.of("Ref", stack.roleIdOf(FlightwatchFunction.ALERTS)))));
    }

    @Test
    void smsFunction_role_mayTextPhoneNumbersButPublishToNoTopic() {
        Map<String, Map<String, Object>> policies = template.findResources("AWS::IAM::Policy", Map.of("Properties",
                Map.of("Roles", List.of(Map.of("Ref", stack.roleIdOf(FlightwatchFunction.SMS))))));
        assertThat(policies).hasSize(1);
        List<Map<String, Object>> statements = list(child(child(policies.values().iterator().next(), "Properties"),
                "PolicyDocument").get("Statement"));
        // Texting, and reading the database secret: nothing else.
        assertThat(statements).hasSize(2).contains(Map.of(
                "Action", "sns:Publish",
                "Effect", "Allow",
                "NotResource", Map.of("Fn::Join", List.of("", List.of(
                        "arn:", Map.of("Ref", "AWS::Partition"), ":sns:*:*:*")))));
        assertThat(statements).filteredOn(statement -> "sns:Publish".equals(statement.get("Action")))
                .allSatisfy(statement -> assertThat(statement).doesNotContainKey("Resource"));
    }

    @Test
    void restApi_everyOperation_invokesItsFunctionThroughFnSubOfTheFunctionArn() {
        List<String> operations = new ArrayList<>();
        stack.forEachOperation((path, method, operation) -> {
            FlightwatchFunction expected = FUNCTION_BY_PATH_ROOT.get(path.split("/")[1]);
            assertThat(expected).as("function serving %s", path).isNotNull();
            Map<String, Object> integration = child(operation, "x-amazon-apigateway-integration");
            assertThat(integration).as("%s %s", method, path)
                    .containsEntry("type", "aws_proxy")
                    .containsEntry("httpMethod", "POST");
            String placeholder = expected == FlightwatchFunction.FLIGHTS
                    ? FlightwatchStack.FLIGHTS_ARN_PLACEHOLDER : FlightwatchStack.ALERTS_ARN_PLACEHOLDER;
            assertThat(integration.get("uri")).as("%s %s", method, path).isEqualTo(Map.of("Fn::Sub", List.of(
                    "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${" + placeholder
                            + "}/invocations",
                    Map.of(placeholder, Map.of("Ref", stack.aliasId(expected))))));
            operations.add(method.toUpperCase() + " " + path);
        });
        assertThat(operations).contains("POST /flights", "GET /flights/{flightId}",
                "POST /flights/{flightId}/passengers", "POST /notifications", "GET /alerts");
    }

    @Test
    void restApi_everyOperation_requiresAnApiKeyFromTheXApiKeyHeader() {
        Map<String, Object> body = stack.apiBody();
        assertThat(body).containsEntry("x-amazon-apigateway-api-key-source", "HEADER");
        Set<String> apiKeySchemes = child(child(body, "components"), "securitySchemes").entrySet().stream()
                .filter(scheme -> scheme.getValue().equals(Map.of("type", "apiKey", "name", "x-api-key", "in", "header")))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(apiKeySchemes).isNotEmpty();
        Object globalSecurity = body.get("security");
        stack.forEachOperation((path, method, operation) -> {
            List<Map<String, Object>> security = list(operation.getOrDefault("security", globalSecurity));
            assertThat(security).as("security of %s %s", method, path).isNotEmpty()
                    .allSatisfy(requirement -> assertThat(requirement.keySet()).containsAnyElementsOf(apiKeySchemes));
        });
    }

    @Test
    void restApi_prodStage_isThrottled() {
        template.hasResourceProperties("AWS::ApiGateway::Stage", Map.of(
                "StageName", "prod",
                "RestApiId", Map.of("Ref", restApiId()),
                "MethodSettings", List.of(Map.of(
                        "HttpMethod", "*",
                        "ResourcePath", "/*",
                        "DataTraceEnabled", false,
                        "LoggingLevel", "ERROR",
                        "ThrottlingRateLimit", 100,
                        "ThrottlingBurstLimit", 200))));
    }

    @Test
    void restApi_prodStage_writesJsonAccessLogs() {
        template.hasResourceProperties("AWS::ApiGateway::Stage", Map.of(
                "AccessLogSetting", Map.of(
                        "DestinationArn", Match.objectLike(Map.of("Fn::GetAtt", Match.arrayWith(List.of("Arn")))),
                        "Format", Match.stringLikeRegexp("requestId.*status"))));
    }

    @Test
    void restApi_apiGateway_mayInvokeFlightsAndAlertsFromThisApiOnly() {
        for (FlightwatchFunction function : List.of(FlightwatchFunction.FLIGHTS, FlightwatchFunction.ALERTS)) {
            template.hasResourceProperties("AWS::Lambda::Permission", Map.of(
                    "Action", "lambda:InvokeFunction",
                    "FunctionName", Map.of("Ref", stack.aliasId(function)),
                    "Principal", "apigateway.amazonaws.com",
                    "SourceArn", Map.of("Fn::Join", List.of("", List.of(
                            "arn:", Map.of("Ref", "AWS::Partition"), ":execute-api:", Map.of("Ref", "AWS::Region"),
                            ":", Map.of("Ref", "AWS::AccountId"), ":", Map.of("Ref", restApiId()), "/*/*/*")))));
        }
    }

    @Test
    void usagePlan_throttleAndDailyQuota_boundToTheProdStage() {
        template.resourceCountIs("AWS::ApiGateway::UsagePlan", 1);
        template.hasResourceProperties("AWS::ApiGateway::UsagePlan", Map.of(
                "Throttle", Map.of("RateLimit", 50, "BurstLimit", 100),
                "Quota", Map.of("Limit", 10_000, "Period", "DAY"),
                "ApiStages", List.of(Map.of(
                        "ApiId", Map.of("Ref", restApiId()),
                        "Stage", Map.of("Ref", stack.onlyId("AWS::ApiGateway::Stage"))))));
    }

    @Test
    void apiKey_enabled_isInTheUsagePlan() {
        template.resourceCountIs("AWS::ApiGateway::ApiKey", 1);
        template.hasResourceProperties("AWS::ApiGateway::ApiKey", Map.of("Enabled", true));
        template.hasResourceProperties("AWS::ApiGateway::UsagePlanKey", Map.of(
                "KeyId", Map.of("Ref", stack.onlyId("AWS::ApiGateway::ApiKey")),
                "KeyType", "API_KEY",
                "UsagePlanId", Map.of("Ref", stack.onlyId("AWS::ApiGateway::UsagePlan"))));
    }

    @Test
    void outputs_apiUrlAndApiKeyId_tellHowToCallTheApi() {
        template.hasOutput("ApiUrl", Map.of("Value", Match.objectLike(Map.of("Fn::Join", Match.anyValue()))));
        template.hasOutput("ApiKeyId", Map.of(
                "Value", Map.of("Ref", stack.onlyId("AWS::ApiGateway::ApiKey")),
                "Description", Match.stringLikeRegexp("aws apigateway get-api-key --api-key .* --include-value")));
    }

    @Test
    void outputs_apiKeyValueCommand_printsTheKeysValue() {
        template.hasOutput("ApiKeyValueCommand", Map.of("Value", Map.of("Fn::Join", List.of("", List.of(
                "aws apigateway get-api-key --api-key ", Map.of("Ref", stack.onlyId("AWS::ApiGateway::ApiKey")),
                " --include-value --query value --output text --region ", Map.of("Ref", "AWS::Region"))))));
        template.hasOutput("OperatorsTopicArn", Match.anyValue());
    }

    private static String alertsTopicId() {
        return onlyKey(template.findResources("AWS::SNS::Topic", Map.of("Properties", Map.of("DisplayName", "Flightwatch alerts"))));
    }

    private static String onlyKey(Map<String, ?> resources) {
        assertThat(resources).hasSize(1);
        return resources.keySet().iterator().next();
    }

    private static String restApiId() {
        return stack.onlyId("AWS::ApiGateway::RestApi");
    }
}
