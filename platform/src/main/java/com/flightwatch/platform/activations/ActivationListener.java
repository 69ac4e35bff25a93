package com.flightwatch.platform.activations;

/**
 * Told of every activation an {@link ActivationRecorder} records, after it is handed to the store:
 * the seam metrics use. Runs on the invocation's thread, so an implementation must be quick and
 * must not block; what it throws is logged and never fails the invocation.
 */
@FunctionalInterface
public interface ActivationListener {

    ActivationListener NONE = activation -> {
    };

    void finished(Activation activation);
}
