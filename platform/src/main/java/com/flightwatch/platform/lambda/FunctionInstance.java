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
 * dropped) without blocking the caller. Runs one invocation at a time, like a Lambda sandbox; what
 * its thread writes during an invocation goes to that invocation's {@link OutputBuffer}.
 */
final class FunctionInstance implements AutoCloseable {

    private final String logStreamName;
    private final ClassLoader loader;
    private final ExecutorService thread;
    private volatile FunctionHandler handler;
    private Future<?> init;
    private volatile long initMillis = -1;
    /** Threads the handler starts inherit it, so their output joins the invocation running at the time. */
    private final ThreadOutputRouter.Target output = new ThreadOutputRouter.Target();

    FunctionInstance(String functionName, int number, ClassLoader loader, String logStreamName) {
        this.logStreamName = logStreamName;
        this.loader = loader;
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread t = new Thread(task, "fn-" + functionName + "-" + number);
            t.setDaemon(true);
            // Libraries that look classes up through the context class loader must find the function's.
            t.setContextClassLoader(loader);
            return t;
        });
    }

    String logStreamName() {
        return logStreamName;
    }

    /** Whether the init phase already began (an earlier invocation, or provisioned concurrency): the next call is warm. */
    synchronized boolean initStarted() {
        return init != null;
    }

    /**
     * Runs the handler's class initialization and constructor on the instance's thread, once; later
     * calls return the same future.
     *
     * @param initOutput where the init phase's output goes
     */
    synchronized Future<?> initialize(String handlerString, OutputBuffer initOutput) {
        if (init == null) {
            init = thread.submit(() -> {
                ThreadOutputRouter.route(output);
                output.set(initOutput);
                long start = System.nanoTime();
                try {
                    handler = HandlerFactory.create(handlerString, loader);
                } finally {
                    initMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    output.set(null);
                }
                return null;
            });
        }
        return init;
    }

    /** How long the handler's class initialization and constructor took; -1 before they ended. */
    long initMillis() {
        return initMillis;
    }

    Future<byte[]> invoke(byte[] event, Context context, OutputBuffer invocationOutput) {
        return thread.submit(() -> {
            ThreadOutputRouter.route(output);
            output.set(invocationOutput);
            try {
                return handler.handle(event, context);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new FunctionThrowable(t);
            } finally {
                System.out.flush();
                System.err.flush();
                output.set(null);
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
