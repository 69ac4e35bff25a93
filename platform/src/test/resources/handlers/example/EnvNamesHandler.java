package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.TreeSet;

/** Answers the names of every environment variable it sees, sorted, comma-separated. */
public class EnvNamesHandler implements RequestHandler<Object, String> {

    @Override
    public String handleRequest(Object input, Context context) {
        return String.join(",", new TreeSet<>(System.getenv().keySet()));
    }
}
