package com.flightwatch.platform.stack;

/**
 * One {@code AWS::ApiGateway::ApiKey}. {@code value} is null when the template lets AWS generate
 * it; the platform then generates one and keeps it across restarts.
 */
public record ApiKeySpec(String logicalId, String name, String value, boolean enabled) {
}
