package com.flightwatch.migrator;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * What a custom resource answers CloudFormation (the body PUT to the request's ResponseURL):
 * FAILED makes the stack operation fail and roll back, with {@code reason} shown in its events.
 */
public record CustomResourceResponse(
        @JsonProperty("Status") String status,
        @JsonProperty("Reason") String reason,
        @JsonProperty("PhysicalResourceId") String physicalResourceId,
        @JsonProperty("StackId") String stackId,
        @JsonProperty("RequestId") String requestId,
        @JsonProperty("LogicalResourceId") String logicalResourceId,
        @JsonProperty("Data") Map<String, String> data) {

    public static final String SUCCESS = "SUCCESS";
    public static final String FAILED = "FAILED";

    public boolean succeeded() {
        return SUCCESS.equals(status);
    }
}
