package com.flightwatch.e2e.localstack;

import com.flightwatch.platform.stack.ApiKeySpec;
import com.flightwatch.platform.stack.ApiSpec;
import com.flightwatch.platform.stack.UsagePlanSpec;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigateway.model.CreateApiKeyResponse;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;

/**
 * Imports a REST API from the template's OpenAPI body (what {@code SpecRestApi} deploys), its
 * integration URIs pointing at the functions LocalStack runs and its root {@code security} written
 * into each operation ({@link OpenApiForImport}), deploys it to the template's stage
 * and creates the API keys and usage plans that bind them to that stage. LocalStack checks the
 * key against the stage's plans; it does not enforce the plans' throttles and quotas, and the
 * stage's own throttles ({@code MethodSettings}) are left out.
 */
final class ApiDeployer {

    private final ApiGatewayClient apiGateway;
    private final URI endpoint;
    private final DeployedArns arns;

    ApiDeployer(ApiGatewayClient apiGateway, URI endpoint, DeployedArns arns) {
        this.apiGateway = apiGateway;
        this.endpoint = endpoint;
        this.arns = arns;
    }

    /** @return the API's id and invoke URL, and the value of its first API key */
    DeployedStack deploy(ApiSpec api) {
        if (api.apiKeys().isEmpty()) {
            throw new DeploymentException("API " + api.logicalId() + " has no API key, yet every operation requires one");
        }
        String body = OpenApiForImport.withSecurityOnEveryOperation(arns.rewrite(api.openApiJson()));
        String restApiId = apiGateway.importRestApi(importing -> importing
                .body(SdkBytes.fromUtf8String(body)).failOnWarnings(false)).id();
        apiGateway.createDeployment(deployment -> deployment.restApiId(restApiId).stageName(api.stageName()));

        Map<String, CreateApiKeyResponse> keys = new HashMap<>();
        for (ApiKeySpec key : api.apiKeys()) {
            keys.put(key.logicalId(), apiGateway.createApiKey(create -> {
                create.name(key.name()).enabled(key.enabled());
                if (key.value() != null) {
                    create.value(key.value());
                }
            }));
        }
        for (UsagePlanSpec plan : api.usagePlans()) {
            createUsagePlan(plan, restApiId, api.stageName(), keys);
        }
        String firstKey = keys.get(api.apiKeys().get(0).logicalId()).value();
        URI invokeUrl = URI.create(endpoint + "/restapis/" + restApiId + "/" + api.stageName() + "/_user_request_");
        return new DeployedStack(restApiId, invokeUrl, firstKey);
    }

    private void createUsagePlan(UsagePlanSpec plan, String restApiId, String stage, Map<String, CreateApiKeyResponse> keys) {
        String planId = apiGateway.createUsagePlan(create -> {
            create.name(plan.name()).apiStages(ApiStage.builder().apiId(restApiId).stage(stage).build());
            if (plan.throttle() != null) {
                create.throttle(throttle -> throttle.rateLimit(plan.throttle().rateLimit())
                        .burstLimit(plan.throttle().burstLimit()));
            }
            if (plan.quota() != null) {
                create.quota(quota -> quota.limit(Math.toIntExact(plan.quota().limit()))
                        .period(QuotaPeriodType.fromValue(plan.quota().period().name()))
                        .offset(plan.quota().offset()));
            }
        }).id();
        for (String keyLogicalId : plan.keyLogicalIds()) {
            CreateApiKeyResponse key = keys.get(keyLogicalId);
            if (key == null) {
                throw new DeploymentException("Usage plan " + plan.logicalId() + " names API key " + keyLogicalId
                        + ", which is not bound to API " + restApiId);
            }
            apiGateway.createUsagePlanKey(bind -> bind.usagePlanId(planId).keyId(key.id()).keyType("API_KEY"));
        }
    }
}
