package com.flightwatch.platform.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code context.getLogger()}: a function's log lines, into the platform's log under the function's name. */
final class FunctionLogger implements LambdaLogger {

    private final Logger log;
    private final String requestId;

    FunctionLogger(String functionName, String requestId) {
        this.log = LoggerFactory.getLogger("function." + functionName);
        this.requestId = requestId;
    }

    @Override
    public void log(String message) {
        log(message, LogLevel.UNDEFINED);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8), LogLevel.UNDEFINED);
    }

    @Override
    public void log(String message, LogLevel level) {
        String line = requestId + " " + stripTrailingNewline(message);
        switch (level) {
            case TRACE -> log.trace(line);
            case DEBUG -> log.debug(line);
            case WARN -> log.warn(line);
            case ERROR, FATAL -> log.error(line);
            default -> log.info(line);
        }
    }

    @Override
    public void log(byte[] message, LogLevel level) {
        log(new String(message, StandardCharsets.UTF_8), level);
    }

    private static String stripTrailingNewline(String message) {
        return message != null && message.endsWith("\n") ? message.substring(0, message.length() - 1) : String.valueOf(message);
    }
}
