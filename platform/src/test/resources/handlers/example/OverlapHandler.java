package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reports how many invocations run at once, across threads and processes: each marks itself in
 * the directory {@code dir}, counts the marks (the latest of k overlapping invocations sees all k),
 * sleeps {@code millis} and removes its mark. Answers with the count it saw.
 */
public class OverlapHandler implements RequestHandler<Map<String, Object>, Integer> {

    @Override
    public Integer handleRequest(Map<String, Object> input, Context context) {
        Path directory = Path.of((String) input.get("dir"));
        Path mark = directory.resolve(context.getAwsRequestId());
        try {
            Files.createFile(mark);
            int running;
            try (Stream<Path> marks = Files.list(directory)) {
                running = (int) marks.count();
            }
            Thread.sleep(((Number) input.get("millis")).longValue());
            Files.delete(mark);
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
