package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

public class SlowHandler implements RequestHandler<Map<String, Integer>, String> {

    @Override
    public String handleRequest(Map<String, Integer> input, Context context) {
        try {
            Thread.sleep(input.get("millis"));
            return "slept";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
