package com.flightwatch.sms;

import com.amazonaws.services.lambda.runtime.Context;
import java.lang.reflect.Proxy;

/** A Lambda {@link Context} that only knows its remaining time, as the SMS handler reads it. */
final class DeadlineContext {

    private DeadlineContext() {
    }

    static Context withRemainingMillis(int remainingMillis) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getRemainingTimeInMillis" -> remainingMillis;
                    case "getAwsRequestId" -> "request-1";
                    case "toString" -> "DeadlineContext(" + remainingMillis + " ms)";
                    default -> null;
                });
    }
}
