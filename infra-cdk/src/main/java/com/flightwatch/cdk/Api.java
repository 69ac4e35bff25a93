package com.flightwatch.cdk;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.ApiDefinition;
import software.amazon.awscdk.services.apigateway.ApiKey;
import software.amazon.awscdk.services.apigateway.IApiKey;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.apigateway.Period;
import software.amazon.awscdk.services.apigateway.QuotaSettings;
import software.amazon.awscdk.services.apigateway.SpecRestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.apigateway.ThrottleSettings;
import software.amazon.awscdk.services.apigateway.UsagePlan;
import software.amazon.awscdk.services.apigateway.UsagePlanPerApiStage;
import software.amazon.awscdk.services.apigateway.UsagePlanProps;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Permission;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The REST API from the OpenAPI document (every operation requires {@code x-api-key}), its
 * integrations calling the functions' {@code live} aliases, a throttled {@code prod} stage with
 * JSON access logs, and one API key in a usage plan (per-key rate, burst and daily quota).
 */
public final class Api extends Construct {

    public static final String STAGE_NAME = "prod";
    public static final String FLIGHTS_ARN_PLACEHOLDER = "FlightsFunctionArn";
    public static final String ALERTS_ARN_PLACEHOLDER = "AlertsFunctionArn";

    /** The stage's ceiling for all clients together; each key's share is the usage plan's. */
    static final int STAGE_RATE_LIMIT = 100;
    static final int STAGE_BURST_LIMIT = 200;
    static final int PLAN_RATE_LIMIT = 50;
    static final int PLAN_BURST_LIMIT = 100;
    static final int PLAN_DAILY_QUOTA = 10_000;

    private final SpecRestApi restApi;
    private final IApiKey apiKey;

    public Api(Construct scope, String id, FlightwatchSources sources, Functions functions, DeploymentStage stage) {
        super(scope, id);
        IFunction flights = functions.live(FlightwatchFunction.FLIGHTS);
        IFunction alerts = functions.live(FlightwatchFunction.ALERTS);
        Map<String, Object> document = OpenApiDefinition.withIntegrationArns(sources.openApiDocument(), Map.of(
                FLIGHTS_ARN_PLACEHOLDER, flights.getFunctionArn(),
                ALERTS_ARN_PLACEHOLDER, alerts.getFunctionArn()));
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(RetentionDays.THREE_MONTHS)
                .removalPolicy(stage.dataRemovalPolicy())
                .build();
        restApi = SpecRestApi.Builder.create(this, "FlightApi")
                .restApiName("flightwatch")
                .description("Flightwatch: flights, passengers, flight events and their SMS alerts")
                .apiDefinition(ApiDefinition.fromInline(document))
                // Access logs need the account's API Gateway CloudWatch role; CDK sets it (an account-wide setting).
                .cloudWatchRole(true)
                .deployOptions(StageOptions.builder()
                        .stageName(STAGE_NAME)
                        .throttlingRateLimit(STAGE_RATE_LIMIT)
                        .throttlingBurstLimit(STAGE_BURST_LIMIT)
                        .accessLogDestination(new LogGroupLogDestination(accessLogs))
                        .accessLogFormat(AccessLogFormat.jsonWithStandardFields())
                        .loggingLevel(MethodLoggingLevel.ERROR)
                        .build())
                .build();
        Nag.accept(restApi, "AwsSolutions-APIG2", "Request validation is on: the OpenAPI body declares"
                + " x-amazon-apigateway-request-validators for every operation, which cdk-nag does not read");
        Nag.accept(restApi, "AwsSolutions-APIG3", "No WAF web ACL (about 6 USD a month at least): every operation"
                + " needs an API key, and the usage plan and stage throttle and cap each key");
        Nag.accept(restApi, "AwsSolutions-IAM4", "API Gateway's own policy for writing the access logs",
                List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"));
        allowInvocationFrom(flights);
        allowInvocationFrom(alerts);
        apiKey = apiKeyWithUsagePlan();
    }

    public SpecRestApi restApi() {
        return restApi;
    }

    public IApiKey apiKey() {
        return apiKey;
    }

    /** The body's aws_proxy integrations call the aliases directly; Lambda must let the API in. */
    private void allowInvocationFrom(IFunction function) {
        function.addPermission("ApiGatewayInvoke", Permission.builder()
                .principal(new ServicePrincipal("apigateway.amazonaws.com"))
                .sourceArn(restApi.arnForExecuteApi())
                .build());
    }

    private IApiKey apiKeyWithUsagePlan() {
        UsagePlan plan = restApi.addUsagePlan("UsagePlan", UsagePlanProps.builder()
                .name("flightwatch-standard")
                .description("Per-key throttle and daily quota for Flightwatch clients")
                .throttle(ThrottleSettings.builder().rateLimit(PLAN_RATE_LIMIT).burstLimit(PLAN_BURST_LIMIT).build())
                .quota(QuotaSettings.builder().limit(PLAN_DAILY_QUOTA).period(Period.DAY).build())
                .apiStages(List.of(UsagePlanPerApiStage.builder()
                        .api(restApi)
                        .stage(restApi.getDeploymentStage())
                        .build()))
                .build());
        IApiKey key = ApiKey.Builder.create(this, "ApiKey")
                .description("Flightwatch client key")
                .enabled(true)
                .build();
        plan.addApiKey(key);
        return key;
    }
}
