package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.PrintStream;
import java.util.Map;

/**
 * Writes {@code megabytes} of numbered 1 KB lines to stdout in one invocation (64 lines per write),
 * then a last line that names the end.
 */
public class LogFloodHandler implements RequestHandler<Map<String, Integer>, String> {

    private static final int LINES_PER_WRITE = 64;

    @Override
    public String handleRequest(Map<String, Integer> event, Context context) {
        int megabytes = event.get("megabytes");
        String padding = "x".repeat(1014);
        PrintStream out = System.out;
        int lines = megabytes * 1024;
        StringBuilder block = new StringBuilder(LINES_PER_WRITE * 1024);
        for (int line = 0; line < lines; line++) {
            block.append(String.format("%08d ", line)).append(padding).append('\n');
            if (block.length() >= LINES_PER_WRITE * 1024) {
                out.print(block);
                block.setLength(0);
            }
        }
        out.print(block);
        out.println("flood over after " + lines + " lines");
        out.flush();
        return "flooded " + megabytes + " MB";
    }
}
