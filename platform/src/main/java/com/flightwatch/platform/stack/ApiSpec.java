package com.flightwatch.platform.stack;

import java.util.List;

/**
 * One {@code AWS::ApiGateway::RestApi} with its OpenAPI body (intrinsics resolved, as JSON text),
 * the stage it is deployed to and the API keys that may call it.
 */
public record ApiSpec(String logicalId, String name, String openApiJson, String stageName, List<ApiKeySpec> apiKeys) {
}
