package com.flightwatch.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flightwatch.platform.lambda.InvocationResult;
import com.flightwatch.platform.lambda.Invoker;
import com.flightwatch.platform.stack.AwsIds;
import com.flightwatch.platform.stack.CustomResourceSpec;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does at start what CloudFormation does on deploy for custom resources backed by the stack's
 * functions (the schema migrator): invokes each with a {@code Create} event and stops the start
 * when it fails, so no traffic reaches a half-made stack. The event has no {@code ResponseURL}: the
 * function's returned answer ({@code Status}, {@code Reason}) is read instead of a PUT.
 */
final class CustomResourceRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CustomResourceRunner.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Invoker invoker;
    private final String stackName;
    private final String region;

    CustomResourceRunner(Invoker invoker, String stackName, String region) {
        this.invoker = invoker;
        this.stackName = stackName;
        this.region = region;
    }

    /** @throws CustomResourceFailedException when the function fails or answers {@code FAILED} */
    void create(CustomResourceSpec resource) {
        long start = System.nanoTime();
        InvocationResult result = invoker.invoke(resource.functionName(), createEvent(resource));
        if (!result.succeeded()) {
            throw new CustomResourceFailedException(resource, result.errorType() + ": " + result.errorMessage());
        }
        JsonNode answer = answer(result.payload());
        if ("FAILED".equals(answer.path("Status").asText())) {
            throw new CustomResourceFailedException(resource, answer.path("Reason").asText("no reason given"));
        }
        LOG.info("Custom resource {} ({}) created by {} in {} ms", resource.logicalId(), resource.resourceType(),
                resource.functionName(), (System.nanoTime() - start) / 1_000_000);
    }

    byte[] createEvent(CustomResourceSpec resource) {
        ObjectNode event = JSON.createObjectNode();
        event.put("RequestType", "Create");
        event.put("ServiceToken", AwsIds.functionArn(region, resource.functionName()));
        event.put("StackId", "arn:aws:cloudformation:" + region + ":" + AwsIds.ACCOUNT_ID + ":stack/" + stackName + "/local");
        event.put("RequestId", UUID.randomUUID().toString());
        event.put("LogicalResourceId", resource.logicalId());
        event.put("ResourceType", resource.resourceType());
        ObjectNode properties = resource.properties() != null && resource.properties().isObject()
                ? ((ObjectNode) resource.properties()).deepCopy() : JSON.createObjectNode();
        properties.put("ServiceToken", AwsIds.functionArn(region, resource.functionName()));
        event.set("ResourceProperties", properties);
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }

    private static JsonNode answer(byte[] payload) {
        try {
            JsonNode answer = payload == null ? null : JSON.readTree(payload);
            return answer == null ? JSON.createObjectNode() : answer;
        } catch (IOException e) {
            return JSON.createObjectNode(); // a function that answers no JSON succeeded by not failing
        }
    }

    /** A custom resource's function failed: the stack cannot run. */
    static final class CustomResourceFailedException extends RuntimeException {
        CustomResourceFailedException(CustomResourceSpec resource, String reason) {
            super("Custom resource " + resource.logicalId() + " (" + resource.resourceType() + ") failed in function "
                    + resource.functionName() + ": " + reason);
        }
    }
}
