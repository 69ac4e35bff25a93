package com.flightwatch.platform.stack;

/**
 * One {@code AWS::SNS::Subscription}. For protocol {@code lambda} the endpoint is the function's ARN.
 * {@code filterPolicy} is the template's {@code FilterPolicy} as JSON text and {@code filterPolicyScope}
 * its {@code FilterPolicyScope} ({@code MessageAttributes} or {@code MessageBody}); both may be null.
 */
public record SubscriptionSpec(String logicalId, String topicArn, String protocol, String endpoint, String filterPolicy,
                               String filterPolicyScope) {

    /** A subscription without a filter policy. */
    public SubscriptionSpec(String logicalId, String topicArn, String protocol, String endpoint) {
        this(logicalId, topicArn, protocol, endpoint, null, null);
    }
}
