package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Forks what a careless function might leave behind: a child ({@code sleep 600}), a child with a
 * grandchild under it, and a grandchild orphaned by its parent's exit (reparented to init at once).
 * Answers with their process ids, comma-separated; then hangs when the event says {@code "hang": true},
 * or halts its JVM (no shutdown hook runs, as in an out-of-memory exit) on {@code "halt": true}.
 */
public class ForkingHandler implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        try {
            List<Long> pids = new ArrayList<>();
            pids.add(new ProcessBuilder("sleep", "600").start().pid());
            Process parent = new ProcessBuilder("sh", "-c", "sleep 600 & echo $!; wait").start();
            pids.add(parent.pid());
            pids.add(firstLineAsPid(parent));
            Process orphaner = new ProcessBuilder("sh", "-c", "sleep 600 >/dev/null 2>&1 & echo $!").start();
            pids.add(firstLineAsPid(orphaner));
            orphaner.waitFor();
            String answer = pids.toString().replaceAll("[\\[\\] ]", "");
            System.out.println("forked " + answer);
            System.out.flush();
            if (Boolean.TRUE.equals(event.get("halt"))) {
                Runtime.getRuntime().halt(3); // as an out-of-memory exit does: no shutdown hook runs
            }
            if (Boolean.TRUE.equals(event.get("hang"))) {
                while (true) {
                    Thread.sleep(60_000);
                }
            }
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException("fork failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static long firstLineAsPid(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        return Long.parseLong(out.readLine().trim());
    }
}
