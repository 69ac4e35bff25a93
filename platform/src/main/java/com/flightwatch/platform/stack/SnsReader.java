package com.flightwatch.platform.stack;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads {@code AWS::SNS::Topic} and {@code AWS::SNS::Subscription} resources. */
final class SnsReader {

    private final Template template;
    private final Intrinsics intrinsics;
    private final PhysicalIds physicalIds;

    SnsReader(Template template, Intrinsics intrinsics, PhysicalIds physicalIds) {
        this.template = template;
        this.intrinsics = intrinsics;
        this.physicalIds = physicalIds;
    }

    TopicSpec topic(String logicalId, JsonNode resource) {
        String name = physicalIds.topicName(logicalId, resource, intrinsics);
        return new TopicSpec(logicalId, name, AwsIds.topicArn(template.region(), name));
    }

    SubscriptionSpec subscription(String logicalId, JsonNode resource) {
        JsonNode properties = resource.path("Properties");
        return new SubscriptionSpec(logicalId,
                required(properties, "TopicArn", logicalId),
                required(properties, "Protocol", logicalId),
                required(properties, "Endpoint", logicalId),
                filterPolicy(properties.get("FilterPolicy"), logicalId),
                intrinsics.resolveText(properties.get("FilterPolicyScope"), logicalId + " (FilterPolicyScope)"));
    }

    /** CloudFormation takes the policy as a JSON object (or, from some tools, as its text); SNS wants the text. */
    private static String filterPolicy(JsonNode policy, String logicalId) {
        if (policy == null || policy.isNull()) {
            return null;
        }
        if (policy.isTextual()) {
            return policy.textValue();
        }
        if (!policy.isObject()) {
            throw new StackException("Subscription " + logicalId + " has a FilterPolicy that is not a JSON object");
        }
        return policy.toString();
    }

    private String required(JsonNode properties, String name, String logicalId) {
        String value = intrinsics.resolveText(properties.get(name), logicalId + " (" + name + ")");
        if (value == null) {
            throw new StackException("Subscription " + logicalId + " has no " + name);
        }
        return value;
    }
}
