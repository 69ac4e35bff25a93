package com.flightwatch.platform.faults;

import com.flightwatch.platform.lambda.InvocationResult;
import com.flightwatch.platform.lambda.ProcessInvoker;
import com.flightwatch.platform.stack.FunctionSpec;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A stand-in platform for {@link ForkingFunctionIT}: invokes the forking function once, prints the
 * process ids it forked and waits to be killed with SIGKILL, so the test can check they die too.
 */
public final class ForkingPlatformHost {

    static final String PIDS = "FORKED_PIDS=";

    private ForkingPlatformHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProcessInvoker invoker = new ProcessInvoker(Vertx.vertx(), "us-east-1", 1);
        invoker.deploy(new FunctionSpec("ForkerFunction", "forker", "example.ForkingHandler", "java21", 256, 10,
                Map.of(), Path.of(args[0])));
        InvocationResult result = invoker.invoke("forker", "{}".getBytes(StandardCharsets.UTF_8));
        String answer = new String(result.payload(), StandardCharsets.UTF_8);
        System.out.println(PIDS + answer.substring(1, answer.length() - 1));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
