package com.flightwatch.platform.sns;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The endpoint of a {@code lambda} subscription: a function ARN, optionally with a version or alias. */
final class LambdaEndpoints {

    private static final Pattern FUNCTION_ARN =
            Pattern.compile("arn:aws[a-z-]*:lambda:[a-z0-9-]+:[0-9]{12}:function:([A-Za-z0-9_-]{1,64})(:[A-Za-z0-9$_-]+)?");

    private LambdaEndpoints() {
    }

    static boolean isFunctionArn(String endpoint) {
        return endpoint != null && FUNCTION_ARN.matcher(endpoint).matches();
    }

    /** The function's name, which is what the invoker knows functions by. */
    static String functionName(String functionArn) {
        Matcher matcher = FUNCTION_ARN.matcher(functionArn);
        if (!matcher.matches()) {
            throw new InvalidParameterException("Invalid parameter: Lambda endpoint ARN");
        }
        return matcher.group(1);
    }
}
