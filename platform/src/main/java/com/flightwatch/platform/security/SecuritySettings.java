package com.flightwatch.platform.security;

import java.nio.file.Path;

/**
 * The platform's security options, as {@code flightwatch up} takes them.
 *
 * @param credentials       what the control plane checks signatures against; null when none were given
 * @param requireSignatures check credentials even on loopback (off loopback they are always checked)
 * @param tlsCertificate    a PEM certificate (chain) for the gateway; with {@code tlsKey}, the gateway serves HTTPS only
 * @param tlsKey            the PEM private key of {@code tlsCertificate}
 */
public record SecuritySettings(AccessCredentials credentials, boolean requireSignatures, Path tlsCertificate,
                               Path tlsKey) {

    public SecuritySettings {
        if ((tlsCertificate == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("TLS needs both a certificate (--tls-cert) and its key (--tls-key); "
                    + (tlsCertificate == null ? "the certificate" : "the key") + " is missing");
        }
    }

    /** Loopback, no credentials, plain HTTP: the defaults. */
    public static SecuritySettings none() {
        return new SecuritySettings(null, false, null, null);
    }

    public SecuritySettings withCredentials(AccessCredentials newCredentials) {
        return new SecuritySettings(newCredentials, requireSignatures, tlsCertificate, tlsKey);
    }

    /** Checks signatures on loopback too: how tests exercise what an off-loopback platform does. */
    public SecuritySettings requiringSignatures() {
        return new SecuritySettings(credentials, true, tlsCertificate, tlsKey);
    }

    public SecuritySettings withTls(Path certificate, Path key) {
        return new SecuritySettings(credentials, requireSignatures, certificate, key);
    }

    public boolean tls() {
        return tlsCertificate != null;
    }
}
