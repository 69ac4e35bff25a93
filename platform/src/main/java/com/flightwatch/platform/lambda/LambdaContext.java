package com.flightwatch.platform.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The {@link Context} a handler gets for one invocation, with the values Lambda would give it. */
final class LambdaContext implements Context {

    static final String VERSION = "$LATEST";

    private final String requestId;
    private final DeployedFunction function;
    private final String logStreamName;
    private final long deadlineNanos;
    private final LambdaLogger logger;

    /** @param output where {@link #getLogger()} writes: the invocation's output */
    LambdaContext(String requestId, DeployedFunction function, String logStreamName, long deadlineNanos,
                  OutputBuffer output) {
        this.requestId = requestId;
        this.function = function;
        this.logStreamName = logStreamName;
        this.deadlineNanos = deadlineNanos;
        this.logger = new FunctionLogger(output);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.name();
    }

    @Override
    public String getLogStreamName() {
        return logStreamName;
    }

    @Override
    public String getFunctionName() {
        return function.name();
    }

    @Override
    public String getFunctionVersion() {
        return VERSION;
    }

    @Override
    public String getInvokedFunctionArn() {
        return function.arn();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.spec().memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
