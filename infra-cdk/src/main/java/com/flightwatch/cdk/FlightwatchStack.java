package com.flightwatch.cdk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigateway.ApiDefinition;
import software.amazon.awscdk.services.apigateway.ApiKey;
import software.amazon.awscdk.services.apigateway.IApiKey;
import software.amazon.awscdk.services.apigateway.Period;
import software.amazon.awscdk.services.apigateway.QuotaSettings;
import software.amazon.awscdk.services.apigateway.SpecRestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.apigateway.ThrottleSettings;
import software.amazon.awscdk.services.apigateway.UsagePlan;
import software.amazon.awscdk.services.apigateway.UsagePlanPerApiStage;
import software.amazon.awscdk.services.apigateway.UsagePlanProps;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Permission;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.LambdaSubscription;
import software.constructs.Construct;

/**
 * The serverless part of Flightwatch: three Java functions, the alerts topic between them and the
 * OpenAPI-defined REST API with an API key and usage plan. The local platform runs this same
 * template, so everything it reads (handler, memory, timeout, environment, code asset, topic,
 * subscription, API body, stage, key, plan) is declared here and nowhere else.
 *
 * <p>Each resource comes from a named factory method; the network, database and alarms of a later
 * change slot in as further factory methods and extra environment for {@link #javaFunction}.
 */
public class FlightwatchStack extends Stack {

    public static final String STAGE_NAME = "prod";
    public static final String ALERTS_TOPIC_ARN_VARIABLE = "ALERTS_TOPIC_ARN";
    public static final String FLIGHTS_ARN_PLACEHOLDER = "FlightsFunctionArn";
    public static final String ALERTS_ARN_PLACEHOLDER = "AlertsFunctionArn";

    /** C1 only: a Lambda JVM lives seconds to minutes, so fast start-up beats peak throughput. */
    static final String FAST_START_JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    /** The stage's ceiling for all clients together; each key's share is the usage plan's. */
    static final int STAGE_RATE_LIMIT = 100;
    static final int STAGE_BURST_LIMIT = 200;
    static final int PLAN_RATE_LIMIT = 50;
    static final int PLAN_BURST_LIMIT = 100;
    static final int PLAN_DAILY_QUOTA = 10_000;

    private final FlightwatchSources sources;

    public FlightwatchStack(Construct scope, String id, StackProps props, FlightwatchSources sources) {
        super(scope, id, props);
        this.sources = sources;

        ITopic alertsTopic = alertsTopic();
        Function flights = flightsFunction();
        Function alerts = alertsFunction(alertsTopic);
        smsFunction(alertsTopic);
        sweeperEveryMinute(alertsTopic);
        SpecRestApi api = restApi(flights, alerts);
        IApiKey apiKey = apiKeyWithUsagePlan(api);
        outputs(api, apiKey, alertsTopic);
    }

    private ITopic alertsTopic() {
        return Topic.Builder.create(this, "AlertsTopic")
                .displayName("Flightwatch alerts")
                .build();
    }

    private Function flightsFunction() {
        return javaFunction(FlightwatchFunction.FLIGHTS, Map.of());
    }

    private Function alertsFunction(ITopic alertsTopic) {
        Function alerts = javaFunction(FlightwatchFunction.ALERTS,
                Map.of(ALERTS_TOPIC_ARN_VARIABLE, alertsTopic.getTopicArn()));
        alertsTopic.grantPublish(alerts);
        return alerts;
    }

    private Function smsFunction(ITopic alertsTopic) {
        Function sms = javaFunction(FlightwatchFunction.SMS, Map.of());
        alertsTopic.addSubscription(new LambdaSubscription(sms));
        // An SMS publish targets a phone number, which has no ARN: excluding every SNS ARN allows
        // texting and nothing else (no publishing to topics).
        sms.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("sns:Publish"))
                .notResources(List.of("arn:" + getPartition() + ":sns:*:*:*"))
                .build());
        return sms;
    }

    /**
     * Alerts are committed QUEUED before they are published; a crash in between would lose them.
     * The sweeper publishes again, every minute, what is still QUEUED after a grace period.
     */
    private Function sweeperEveryMinute(ITopic alertsTopic) {
        Function sweeper = javaFunction(FlightwatchFunction.SWEEPER,
                Map.of(ALERTS_TOPIC_ARN_VARIABLE, alertsTopic.getTopicArn()));
        alertsTopic.grantPublish(sweeper);
        Rule.Builder.create(this, "SweeperSchedule")
                .description("Republishes alerts still QUEUED after a grace period")
                .schedule(Schedule.rate(Duration.minutes(1)))
                .targets(List.of(new LambdaFunction(sweeper)))
                .build();
        return sweeper;
    }

    /** The one helper every function goes through: runtime, code asset, sizing and JVM options. */
    private Function javaFunction(FlightwatchFunction function, Map<String, String> extraEnvironment) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("JAVA_TOOL_OPTIONS", FAST_START_JVM_OPTIONS);
        environment.putAll(extraEnvironment);
        return Function.Builder.create(this, function.constructId())
                .description(function.description())
                .runtime(Runtime.JAVA_21)
                .handler(function.handler())
                .code(Code.fromAsset(sources.jarOf(function).toString()))
                .memorySize(function.memoryMb())
                .timeout(Duration.seconds(function.timeoutSeconds()))
                .environment(environment)
                .build();
    }

    private SpecRestApi restApi(Function flights, Function alerts) {
        Map<String, Object> document = OpenApiDefinition.withIntegrationArns(sources.openApiDocument(), Map.of(
                FLIGHTS_ARN_PLACEHOLDER, flights.getFunctionArn(),
                ALERTS_ARN_PLACEHOLDER, alerts.getFunctionArn()));
        SpecRestApi api = SpecRestApi.Builder.create(this, "FlightApi")
                .restApiName("flightwatch")
                .description("Flightwatch: flights, passengers, flight events and their SMS alerts")
                .apiDefinition(ApiDefinition.fromInline(document))
                // An account-wide setting shared with other stacks; this stack does not log to CloudWatch.
                .cloudWatchRole(false)
                .deployOptions(StageOptions.builder()
                        .stageName(STAGE_NAME)
                        .throttlingRateLimit(STAGE_RATE_LIMIT)
                        .throttlingBurstLimit(STAGE_BURST_LIMIT)
                        .build())
                .build();
        allowInvocationFrom(api, flights);
        allowInvocationFrom(api, alerts);
        return api;
    }

    /** The body's aws_proxy integrations call the functions directly; Lambda must let the API in. */
    private static void allowInvocationFrom(SpecRestApi api, Function function) {
        function.addPermission("ApiGatewayInvoke", Permission.builder()
                .principal(new ServicePrincipal("apigateway.amazonaws.com"))
                .sourceArn(api.arnForExecuteApi())
                .build());
    }

    private IApiKey apiKeyWithUsagePlan(SpecRestApi api) {
        UsagePlan plan = api.addUsagePlan("UsagePlan", UsagePlanProps.builder()
                .name("flightwatch-standard")
                .description("Per-key throttle and daily quota for Flightwatch clients")
                .throttle(ThrottleSettings.builder().rateLimit(PLAN_RATE_LIMIT).burstLimit(PLAN_BURST_LIMIT).build())
                .quota(QuotaSettings.builder().limit(PLAN_DAILY_QUOTA).period(Period.DAY).build())
                .apiStages(List.of(UsagePlanPerApiStage.builder()
                        .api(api)
                        .stage(api.getDeploymentStage())
                        .build()))
                .build());
        IApiKey apiKey = ApiKey.Builder.create(this, "ApiKey")
                .description("Flightwatch client key")
                .enabled(true)
                .build();
        plan.addApiKey(apiKey);
        return apiKey;
    }

    private void outputs(SpecRestApi api, IApiKey apiKey, ITopic alertsTopic) {
        CfnOutput.Builder.create(this, "ApiUrl")
                .description("Base URL of the " + STAGE_NAME + " stage; every request needs the x-api-key header")
                .value(api.getUrl())
                .build();
        CfnOutput.Builder.create(this, "ApiKeyId")
                .description("Id of the client API key. Its value: aws apigateway get-api-key --api-key <this id>"
                        + " --include-value --query value --output text")
                .value(apiKey.getKeyId())
                .build();
        CfnOutput.Builder.create(this, "AlertsTopicArn")
                .description("The topic the alerts function publishes each alert to")
                .value(alertsTopic.getTopicArn())
                .build();
    }
}
