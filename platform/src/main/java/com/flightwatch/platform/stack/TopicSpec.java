package com.flightwatch.platform.stack;

/** One {@code AWS::SNS::Topic}: its name and the ARN that {@code Ref} resolves to. */
public record TopicSpec(String logicalId, String name, String arn) {
}
