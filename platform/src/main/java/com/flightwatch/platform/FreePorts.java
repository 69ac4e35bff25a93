package com.flightwatch.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks a free port ahead of binding, for the one server whose address others must know before it
 * starts (functions get the control plane's URL in their environment).
 */
final class FreePorts {

    private FreePorts() {
    }

    static int orFree(String host, int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + host, e);
        }
    }
}
