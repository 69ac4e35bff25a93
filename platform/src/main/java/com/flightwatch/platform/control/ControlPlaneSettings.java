package com.flightwatch.platform.control;

import java.util.Objects;

/**
 * Where the control plane listens. Loopback by default: it creates topics and reads the SMS outbox
 * without any authentication, as {@code sam local start-lambda} does.
 *
 * @param port 0 picks a free port; {@link ControlPlane#start()} says which
 */
public record ControlPlaneSettings(String host, int port) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3001;

    public ControlPlaneSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1..65535, was " + port);
        }
    }

    public static ControlPlaneSettings defaults() {
        return new ControlPlaneSettings(DEFAULT_HOST, DEFAULT_PORT);
    }
}
