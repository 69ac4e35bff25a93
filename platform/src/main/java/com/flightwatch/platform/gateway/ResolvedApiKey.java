package com.flightwatch.platform.gateway;

/**
 * An API key with its value: the template's, or the one the platform generated for it once.
 *
 * @param logicalId the {@code AWS::ApiGateway::ApiKey} it stands for
 */
public record ResolvedApiKey(String stackName, String logicalId, String name, String value, boolean enabled) {

    /** The key with its value masked, for logs: enough to tell keys apart, never enough to use one. */
    @Override
    public String toString() {
        String masked = value == null || value.length() < 8 ? "****" : value.substring(0, 4) + "****";
        return "ResolvedApiKey[" + stackName + "/" + logicalId + " " + name + " " + masked + (enabled ? "" : " disabled") + "]";
    }
}
