package com.flightwatch.platform.lambda;

import org.slf4j.MDC;

/**
 * The activation id in the logging context (MDC key {@value #KEY}) while the platform handles an
 * invocation, so every line it writes about one carries the id (see {@code --log-format json}).
 */
public final class InvocationMdc {

    public static final String KEY = "activationId";

    private InvocationMdc() {
    }

    /** Puts the id until the returned scope is closed, then restores what was there (an outer invocation's id). */
    public static Scope put(String activationId) {
        String previous = MDC.get(KEY);
        MDC.put(KEY, activationId);
        return new Scope(previous);
    }

    /** Restores the logging context on close; closing never throws. */
    public static final class Scope implements AutoCloseable {

        private final String previous;

        private Scope(String previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (previous == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, previous);
            }
        }
    }
}
