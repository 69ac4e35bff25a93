package com.flightwatch.platform.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether a bind address keeps the control plane on this machine: the rule that decides if it must
 * check credentials. Only loopback is private; the wildcard (0.0.0.0, ::) and every other interface
 * (this host's own LAN address included) are reachable from elsewhere.
 */
public final class LoopbackAddresses {

    private LoopbackAddresses() {
    }

    /**
     * @return true when every address {@code host} names is a loopback address (127.0.0.0/8, ::1,
     *         localhost); false for the wildcard, any other interface, and names that do not resolve
     */
    public static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false; // Vert.x binds a blank host to the wildcard
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            InetAddress[] addresses = InetAddress.getAllByName(literal);
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
