package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Built into jars with different VERSION values: creates the file {@code mark} when given one (so a
 * test knows it runs), sleeps {@code millis}, then answers with its version.
 */
public class SlowVersioned implements RequestHandler<Map<String, Object>, String> {

    static final String VERSION = "@VERSION@";

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        try {
            if (input.get("mark") != null) {
                Files.createFile(Path.of((String) input.get("mark")));
            }
            Thread.sleep(((Number) input.get("millis")).longValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return VERSION;
    }
}
