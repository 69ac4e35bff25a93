package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

public class BrokenConstructorHandler implements RequestHandler<String, String> {

    public BrokenConstructorHandler() {
        throw new IllegalArgumentException("missing configuration TABLE_NAME");
    }

    @Override
    public String handleRequest(String input, Context context) {
        return input;
    }
}
