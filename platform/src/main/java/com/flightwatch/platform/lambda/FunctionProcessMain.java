package com.flightwatch.platform.lambda;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import java.io.IOException;
import java.io.InputStream;

/**
 * The first code a function process runs, before Lambda's runtime client. The platform holds the
 * write end of this process's stdin and never writes to it: end of input means the platform is
 * gone (closed, crashed or killed by SIGKILL), and the process halts at once instead of living on
 * as an orphan, and takes the processes the function forked with it. Uses only the JDK and the
 * runtime client (and {@link ProcessGroup}, which is JDK only), because it runs on the function's
 * class path, not the platform's.
 */
public final class FunctionProcessMain {

    /** Exit status when the platform went away: 128 + SIGHUP, what a shell would report. */
    static final int PLATFORM_GONE_STATUS = 129;

    private FunctionProcessMain() {
    }

    public static void main(String[] args) throws Throwable {
        Thread watchdog = new Thread(FunctionProcessMain::haltWhenStdinCloses, "platform-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        // However the JVM ends short of a kill or a halt (System.exit, the runtime client giving up when
        // the Runtime API is gone), what the function forked goes with it, as when Lambda ends a sandbox.
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessGroup::killOthersOfMyGroup, "kill-forked"));
        AWSLambda.main(args);
    }

    private static void haltWhenStdinCloses() {
        InputStream platform = System.in;
        byte[] ignored = new byte[64];
        try {
            while (platform.read(ignored) >= 0) {
                // The platform never writes; whatever arrives is discarded.
            }
        } catch (IOException e) {
            // A broken pipe is the same news as end of input.
        }
        // What the function forked would outlive the halt, reparented to init: it goes first.
        ProcessGroup.killOthersOfMyGroup();
        Runtime.getRuntime().halt(PLATFORM_GONE_STATUS);
    }
}
