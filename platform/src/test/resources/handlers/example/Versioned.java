package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Built into two jars with different VERSION values: each function must see its own. */
public class Versioned implements RequestHandler<String, String> {

    static final String VERSION = "@VERSION@";

    @Override
    public String handleRequest(String input, Context context) {
        return VERSION;
    }
}
