package com.flightwatch.platform.lambda;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Gives each instance in thread isolation its own stdout and stderr, as a Lambda sandbox has:
 * {@code System.out} and {@code System.err} are replaced, once, by streams that write to the
 * {@link Target} of the instance the writing thread belongs to (threads the handler starts inherit
 * it), that is to the {@link OutputBuffer} of the invocation it runs now, and to the platform's own
 * streams otherwise.
 */
final class ThreadOutputRouter {

    /** Where an instance's output goes: its current invocation's buffer, or nowhere between invocations. */
    static final class Target {
        private volatile OutputBuffer buffer;

        void set(OutputBuffer invocationOutput) {
            buffer = invocationOutput;
        }

        OutputBuffer buffer() {
            return buffer;
        }
    }

    private static final InheritableThreadLocal<Target> CURRENT = new InheritableThreadLocal<>();
    private static volatile PrintStream routedOut;
    private static volatile PrintStream routedErr;

    private ThreadOutputRouter() {
    }

    /** Installs the routing streams, again if someone replaced them since. Cheap when they are in place. */
    static void install() {
        if (System.out == routedOut && System.err == routedErr) {
            return;
        }
        synchronized (ThreadOutputRouter.class) {
            if (System.out != routedOut) {
                routedOut = routing(System.out);
                System.setOut(routedOut);
            }
            if (System.err != routedErr) {
                routedErr = routing(System.err);
                System.setErr(routedErr);
            }
        }
    }

    /** Sends what this thread (and threads it starts from now on) writes to {@code target}. */
    static void route(Target target) {
        CURRENT.set(target);
    }

    private static PrintStream routing(PrintStream platform) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] source, int offset, int count) {
                Target target = CURRENT.get();
                OutputBuffer buffer = target == null ? null : target.buffer();
                if (buffer != null) {
                    buffer.write(source, offset, count);
                } else {
                    platform.write(source, offset, count);
                }
            }

            @Override
            public void flush() {
                platform.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }
}
