package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Leaks: every invocation keeps {@code megabytes} more in a static list, as a cache that is never
 * emptied would, until the JVM runs out of heap. Answers with its process id and what it holds.
 */
public class LeakingHandler implements RequestHandler<Map<String, Integer>, String> {

    private static final List<byte[]> LEAKED = new ArrayList<>();

    @Override
    public String handleRequest(Map<String, Integer> event, Context context) {
        int megabytes = event.get("megabytes");
        for (int i = 0; i < megabytes; i++) {
            LEAKED.add(new byte[1024 * 1024]);
        }
        return ProcessHandle.current().pid() + "|" + LEAKED.size();
    }
}
