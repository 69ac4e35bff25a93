package com.flightwatch.platform.metrics;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/**
 * How the platform's log lines look ({@code flightwatch up --log-format}): {@link #TEXT}, logback.xml's
 * pattern, for people; or {@link #JSON}, one object per line (logback's own {@link JsonEncoder}) with
 * the logging context ({@code mdc.activationId} on lines about an invocation), for log collectors.
 */
public enum LogFormat {
    TEXT,
    JSON;

    /** @throws IllegalArgumentException naming the option when {@code value} is neither text nor json */
    public static LogFormat parse(String value) {
        for (LogFormat format : values()) {
            if (format.name().equalsIgnoreCase(value)) {
                return format;
            }
        }
        throw new IllegalArgumentException("--log-format must be text or json, not " + value);
    }

    /** Applies the format to the logging in this JVM. */
    public void apply() {
        apply((LoggerContext) LoggerFactory.getILoggerFactory());
    }

    /** Gives every stream appender of the root logger (the console, as logback.xml sets it up) this format. */
    void apply(LoggerContext context) {
        if (this == TEXT) {
            return; // logback.xml's own
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> stream) {
                stream.stop();
                stream.setEncoder(jsonEncoder(context));
                stream.start();
            }
        }
    }

    private static JsonEncoder jsonEncoder(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        // The formatted message rather than its pattern and arguments; no context block or nanoseconds on every line.
        encoder.setWithContext(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }
}
