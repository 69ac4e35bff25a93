package com.flightwatch.platform.stack;

import java.util.List;
import java.util.Map;

/**
 * One {@code AWS::ApiGateway::RestApi} with its OpenAPI body (intrinsics resolved, as JSON text),
 * the stage it is deployed to, the API keys that may call it, the usage plans of that stage and the
 * stage's own throttles.
 *
 * @param stageThrottles the stage's {@code MethodSettings} throttles, shared by all clients, by
 *                       {@code /resource/METHOD}; {@code /*}{@code /*} is the stage-wide default
 */
public record ApiSpec(
        String logicalId,
        String name,
        String openApiJson,
        String stageName,
        List<ApiKeySpec> apiKeys,
        List<UsagePlanSpec> usagePlans,
        Map<String, ThrottleSpec> stageThrottles) {

    /** An API without usage plans or stage throttles. */
    public ApiSpec(String logicalId, String name, String openApiJson, String stageName, List<ApiKeySpec> apiKeys) {
        this(logicalId, name, openApiJson, stageName, apiKeys, List.of(), Map.of());
    }

    /** This API with no usage plans and no stage throttles: every enabled key may call it, unthrottled. */
    public ApiSpec withoutUsagePlans() {
        return new ApiSpec(logicalId, name, openApiJson, stageName, apiKeys);
    }
}
