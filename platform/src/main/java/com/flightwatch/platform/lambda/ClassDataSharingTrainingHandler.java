package com.flightwatch.platform.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The handler of the training run that records which classes a function JVM loads (see
 * {@link ClassDataSharing}): it takes a JSON event through the runtime client's serializer and
 * answers one, as a function does, and ends its JVM normally when asked, because the JDK writes
 * the class list or the archive only on a normal exit. Lives in the launcher jar; uses only the
 * JDK and the Lambda runtime libraries.
 */
public final class ClassDataSharingTrainingHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    static final String EXIT_FIELD = "exitTrainingRun";

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        if (Boolean.TRUE.equals(event.get(EXIT_FIELD))) {
            System.exit(0);
        }
        context.getLogger().log("training invocation " + context.getAwsRequestId());
        return Map.of("echo", event, "function", String.valueOf(context.getFunctionName()));
    }
}
