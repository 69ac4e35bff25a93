package com.flightwatch.platform.gateway;

/** The gateway could not listen on its host and port (the port taken, the address not local). */
public class GatewayStartException extends RuntimeException {

    public GatewayStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
