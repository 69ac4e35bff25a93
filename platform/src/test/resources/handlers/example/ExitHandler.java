package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Ends its JVM in the middle of an invocation. */
public class ExitHandler implements RequestHandler<String, String> {

    @Override
    public String handleRequest(String input, Context context) {
        System.exit(3);
        return input;
    }
}
