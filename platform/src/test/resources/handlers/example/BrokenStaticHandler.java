package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

public class BrokenStaticHandler implements RequestHandler<String, String> {

    static final int ATTEMPTS = Integer.parseInt("not a number");

    @Override
    public String handleRequest(String input, Context context) {
        return input;
    }
}
