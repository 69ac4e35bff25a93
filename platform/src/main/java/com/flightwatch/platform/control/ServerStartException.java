package com.flightwatch.platform.control;

/** The control plane could not listen: usually the port is taken by another process. */
public class ServerStartException extends RuntimeException {

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
