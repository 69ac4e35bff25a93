package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.List;

/** Allocates until the heap runs out. */
public class MemoryHogHandler implements RequestHandler<String, String> {

    @Override
    public String handleRequest(String input, Context context) {
        List<long[]> hoard = new ArrayList<>();
        while (true) {
            hoard.add(new long[1024 * 1024]);
        }
    }
}
