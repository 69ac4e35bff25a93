package com.flightwatch.platform.lambda;

import com.flightwatch.platform.stack.FunctionSpec;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A stand-in platform for {@link ProcessInvokerIT}: starts one function instance, prints its
 * process id and waits to be killed, so the test can check the instance dies with it.
 */
public final class ProcessInvokerHost {

    private ProcessInvokerHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        Vertx vertx = Vertx.vertx();
        ProcessInvoker invoker = new ProcessInvoker(vertx, "us-east-1", 1);
        invoker.deploy(new FunctionSpec("HostedFunction", "hosted", "example.LoggingHandler", "java21", 128, 10,
                Map.of(), Path.of(args[0])));
        InvocationResult result = invoker.invoke("hosted", "\"x\"".getBytes(StandardCharsets.UTF_8));
        String answer = new String(result.payload(), StandardCharsets.UTF_8);
        System.out.println("FUNCTION_PID=" + answer.substring(1, answer.indexOf('|')));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
