package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Writes to stdout, stderr and Lambda's logger, then answers with its process id and environment. */
public class LoggingHandler implements RequestHandler<String, String> {

    @Override
    public String handleRequest(String input, Context context) {
        System.out.println("stdout says " + input);
        System.err.println("stderr says " + input);
        context.getLogger().log("logger says " + input + "\n");
        return ProcessHandle.current().pid() + "|" + System.getenv("AWS_LAMBDA_FUNCTION_NAME") + "|"
                + System.getenv("GREETING") + "|" + System.getenv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE") + "|"
                + context.getFunctionName() + "|" + context.getAwsRequestId() + "|" + Runtime.getRuntime().maxMemory();
    }
}
