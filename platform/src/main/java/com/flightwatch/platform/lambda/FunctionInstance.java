package com.flightwatch.platform.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One warm instance of a function: one handler object and the one thread it runs on, so that an
 * invocation that overruns its timeout can be abandoned (the thread interrupted, the instance
 * dropped) without blocking the caller. Runs one invocation at a time, like a Lambda sandbox.
 */
final class FunctionInstance implements AutoCloseable {

    private final String logStreamName;
    private final ExecutorService thread;
    private volatile FunctionHandler handler;

    FunctionInstance(String functionName, int number, ClassLoader loader, String logStreamName) {
        this.logStreamName = logStreamName;
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread t = new Thread(task, "fn-" + functionName + "-" + number);
            t.setDaemon(true);
            // Libraries that look classes up through the context class loader must find the function's.
            t.setContextClassLoader(loader);
            return t;
        });
    }

    boolean initialized() {
        return handler != null;
    }

    String logStreamName() {
        return logStreamName;
    }

    /** Runs the handler's class initialization and constructor on the instance's thread. */
    Future<?> init(String handlerString, ClassLoader loader) {
        return thread.submit(() -> {
            handler = HandlerFactory.create(handlerString, loader);
            return null;
        });
    }

    Future<byte[]> invoke(byte[] event, Context context) {
        return thread.submit(() -> {
            try {
                return handler.handle(event, context);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new FunctionThrowable(t);
            }
        });
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    /** Carries a throwable that is neither an Exception nor an Error out of a Callable; unwrapped when reported. */
    static final class FunctionThrowable extends Exception {
        FunctionThrowable(Throwable cause) {
            super(cause);
        }
    }
}
