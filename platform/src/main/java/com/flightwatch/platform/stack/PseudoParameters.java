package com.flightwatch.platform.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

/** CloudFormation's pseudo parameters ({@code AWS::Region}, {@code AWS::AccountId} …) as they resolve locally. */
final class PseudoParameters {

    private PseudoParameters() {
    }

    /** The value, {@link Intrinsics#NO_VALUE} for {@code AWS::NoValue}, or null when the name is no pseudo parameter. */
    static JsonNode value(String name, Template template, PhysicalIds physicalIds) {
        switch (name) {
            case "AWS::Region":
                return TextNode.valueOf(template.region());
            case "AWS::AccountId":
                return TextNode.valueOf(AwsIds.ACCOUNT_ID);
            case "AWS::Partition":
                return TextNode.valueOf("aws");
            case "AWS::URLSuffix":
                return TextNode.valueOf("amazonaws.com");
            case "AWS::StackName":
                return TextNode.valueOf(template.stackName());
            case "AWS::StackId":
                return TextNode.valueOf(physicalIds.stackId());
            case "AWS::NotificationARNs":
                return JsonNodeFactory.instance.arrayNode();
            case "AWS::NoValue":
                return Intrinsics.NO_VALUE;
            default:
                return null;
        }
    }
}
