package com.flightwatch.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "127.255.255.254", "localhost", "::1", "[::1]"})
    void isLoopback_loopbackAddresses_true(String host) {
        assertThat(LoopbackAddresses.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "10.0.0.7", "192.168.1.20", "8.8.8.8", "fe80::1", ""})
    void isLoopback_wildcardAndOtherInterfaces_false(String host) {
        assertThat(LoopbackAddresses.isLoopback(host)).isFalse();
    }

    @Test
    void isLoopback_aNameThatDoesNotResolve_false() {
        assertThat(LoopbackAddresses.isLoopback("no-such-host.invalid")).isFalse();
    }

    @Test
    void isLoopback_thisMachinesOwnNonLoopbackAddresses_false() throws SocketException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                String literal = address.getHostAddress().replaceAll("%.*$", "");
                assertThat(LoopbackAddresses.isLoopback(literal)).as(literal).isEqualTo(address.isLoopbackAddress());
            }
        }
    }
}
