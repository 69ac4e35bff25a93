package example;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;

/** No Lambda interface: the handler string names the method, as Lambda allows. */
public class Greeter {

    public Greeting greet(Map<String, String> input, Context context) {
        return new Greeting("Hello, " + input.get("name"), context.getFunctionName());
    }

    public static class Greeting {
        private final String message;
        private final String from;

        public Greeting(String message, String from) {
            this.message = message;
            this.from = from;
        }

        public String getMessage() {
            return message;
        }

        public String getFrom() {
            return from;
        }
    }
}
