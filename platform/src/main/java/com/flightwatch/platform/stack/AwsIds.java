package com.flightwatch.platform.stack;

/**
 * The account, region and ARN shapes the platform answers with, so that ARNs built locally look
 * like the ones AWS builds and survive a round trip through the SDK's validation.
 */
public final class AwsIds {

    public static final String ACCOUNT_ID = "000000000000";
    public static final String DEFAULT_REGION = "us-east-1";

    private AwsIds() {
    }

    public static String functionArn(String region, String functionName) {
        return "arn:aws:lambda:" + region + ":" + ACCOUNT_ID + ":function:" + functionName;
    }

    public static String topicArn(String region, String topicName) {
        return "arn:aws:sns:" + region + ":" + ACCOUNT_ID + ":" + topicName;
    }

    /**
     * The function a function ARN names, with or without a version or alias qualifier
     * ({@code arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]}).
     */
    public static String functionNameFromArn(String functionArn) {
        String[] parts = functionArn.split(":");
        return parts.length >= 7 && "function".equals(parts[5]) ? parts[6] : nameFromArn(functionArn);
    }

    /** The last colon-separated part of an ARN: a function's or topic's name. */
    public static String nameFromArn(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }
}
