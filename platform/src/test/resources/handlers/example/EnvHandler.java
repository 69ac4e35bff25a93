package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Reads the environment variable its input names, as a handler's no-arg constructor would. */
public class EnvHandler implements RequestHandler<String, String> {

    @Override
    public String handleRequest(String name, Context context) {
        return System.getenv(name) + "|" + System.getenv().get(name);
    }
}
