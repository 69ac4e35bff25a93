package com.flightwatch.platform.stack;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A custom resource ({@code Custom::*} or {@code AWS::CloudFormation::CustomResource}) backed by a
 * function of the stack: CloudFormation invokes that function on every deploy, so the platform
 * invokes it once at start, after the functions are deployed and before any traffic.
 *
 * @param functionName the function its {@code ServiceToken} names
 * @param properties   its resolved {@code Properties}, without the ServiceToken
 */
public record CustomResourceSpec(String logicalId, String resourceType, String functionName, JsonNode properties) {
}
