package com.flightwatch.platform.lambdaapi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code FunctionName} of a Lambda API path — a name, a partial ARN or a full ARN, with or
 * without a qualifier — checked against the API model's pattern and length as Lambda checks it,
 * and reduced to the name (only {@code $LATEST} exists here).
 */
final class FunctionNames {

    /** Lambda's FunctionName pattern, as its validation errors quote it. */
    static final String PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?"
            + "(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
    static final int MAX_LENGTH = 170;
    private static final Pattern FUNCTION_NAME = Pattern.compile(PATTERN);
    /** The group of {@link #PATTERN} that is the name itself ({@code [a-zA-Z0-9-_\.]+}), not the ARN or the qualifier. */
    private static final int NAME_GROUP = 10;

    private FunctionNames() {
    }

    /** @throws ValidationException when {@code nameOrArn} is not one Lambda would take */
    static String name(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isEmpty() || nameOrArn.length() > MAX_LENGTH) {
            throw new ValidationException(String.valueOf(nameOrArn), "functionName",
                    "Member must have length between 1 and " + MAX_LENGTH);
        }
        Matcher parts = FUNCTION_NAME.matcher(nameOrArn);
        if (!parts.matches()) {
            throw new ValidationException(nameOrArn, "functionName", "Member must satisfy regular expression pattern: " + PATTERN);
        }
        return parts.group(NAME_GROUP);
    }
}
