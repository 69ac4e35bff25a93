package com.flightwatch.platform.stack;

/**
 * One {@code AWS::SNS::Subscription}. For protocol {@code lambda} the endpoint is the function's ARN.
 */
public record SubscriptionSpec(String logicalId, String topicArn, String protocol, String endpoint) {
}
