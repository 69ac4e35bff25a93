package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Takes a while to construct and writes everywhere a function can: stdout, stderr, its logger, a thread it starts. */
public class ChattyHandler implements RequestHandler<String, String> {

    public ChattyHandler() throws InterruptedException {
        Thread.sleep(200);
        System.out.println("constructed");
    }

    @Override
    public String handleRequest(String input, Context context) {
        System.out.println("stdout says " + input);
        System.err.println("stderr says " + input);
        context.getLogger().log("logger says " + input + "\n");
        Thread child = new Thread(() -> System.out.println("child thread says " + input));
        child.start();
        try {
            child.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "ok";
    }
}
