package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * Hangs when asked to ({@code "hang": true}, or a proxy event for a path ending in /hang): never
 * answers and ignores interruption, so only a kill ends it. Otherwise answers a proxy response
 * whose body is its process id.
 */
public class HangingHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        long pid = ProcessHandle.current().pid();
        if (Boolean.TRUE.equals(event.get("hang")) || String.valueOf(event.get("path")).endsWith("/hang")) {
            System.out.println("hanging in " + pid);
            while (true) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    // Keeps hanging: a stuck function does not cooperate.
                }
            }
        }
        return Map.of("statusCode", 200, "body", Long.toString(pid));
    }
}
