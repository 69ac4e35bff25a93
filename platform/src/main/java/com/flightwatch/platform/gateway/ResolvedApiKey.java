package com.flightwatch.platform.gateway;

/**
 * An API key with its value: the template's, the one the platform generated for it once, or the
 * one a client sent (the store keeps only a hash of the others).
 *
 * @param logicalId   the {@code AWS::ApiGateway::ApiKey} it stands for, or the name of a key made by {@code flightwatch keys create}
 * @param value       null when the store does not know it (a key listed, not looked up)
 * @param usagePlanId the usage plan of a key made by the CLI; null for a template's key (its plans come from the template)
 */
public record ResolvedApiKey(String stackName, String logicalId, String name, String value, boolean enabled,
                             String usagePlanId) {

    /** A template's key. */
    public ResolvedApiKey(String stackName, String logicalId, String name, String value, boolean enabled) {
        this(stackName, logicalId, name, value, enabled, null);
    }

    /** The same key with the value a client sent. */
    ResolvedApiKey withValue(String newValue) {
        return new ResolvedApiKey(stackName, logicalId, name, newValue, enabled, usagePlanId);
    }

    /** The key with its value masked, for logs: enough to tell keys apart, never enough to use one. */
    @Override
    public String toString() {
        String masked = value == null || value.length() < 8 ? "****" : value.substring(0, 4) + "****";
        return "ResolvedApiKey[" + stackName + "/" + logicalId + " " + name + " " + masked + (enabled ? "" : " disabled")
                + (usagePlanId == null ? "" : " plan " + usagePlanId) + "]";
    }
}
