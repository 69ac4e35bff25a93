package com.flightwatch.platform.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;

/**
 * {@code context.getLogger()} in thread isolation: writes the message, as Lambda's runtime does, into
 * the invocation's output, whichever thread calls it.
 */
final class FunctionLogger implements LambdaLogger {

    private final OutputBuffer output;

    FunctionLogger(OutputBuffer output) {
        this.output = output;
    }

    @Override
    public void log(String message) {
        log(String.valueOf(message).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void log(byte[] message) {
        output.write(message, 0, message.length);
    }

    @Override
    public void log(String message, LogLevel level) {
        log(message);
    }

    @Override
    public void log(byte[] message, LogLevel level) {
        log(message);
    }
}
