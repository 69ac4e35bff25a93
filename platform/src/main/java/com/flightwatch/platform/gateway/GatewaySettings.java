package com.flightwatch.platform.gateway;

import com.flightwatch.platform.stack.ThrottleSpec;
import java.nio.file.Path;

/**
 * Where a gateway listens and its limits.
 *
 * @param port                      0 for any free port
 * @param maxBodyBytes              larger bodies are refused with 413 (API Gateway's payload limit is 10 MB)
 * @param integrationTimeoutMillis  how long the gateway waits for a function unless the operation's
 *                                  {@code timeoutInMillis} says otherwise (API Gateway's default: 29 s)
 * @param workerThreads             threads that run requests off the event loop (key lookups, validation, invocations)
 * @param accountThrottle           the account-level throttle of a gateway that gets no shared {@link AccountThrottle}
 *                                  (API Gateway's default: {@link AccountThrottle#DEFAULT_LIMIT})
 * @param tlsCertificate            a PEM certificate (chain): with {@code tlsKey}, the gateway serves HTTPS only;
 *                                  null for plain HTTP
 * @param tlsKey                    the PEM private key of {@code tlsCertificate}
 */
public record GatewaySettings(String host, int port, long maxBodyBytes, long integrationTimeoutMillis, int workerThreads,
                              ThrottleSpec accountThrottle, Path tlsCertificate, Path tlsKey) {

    public GatewaySettings {
        if ((tlsCertificate == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("TLS needs both tlsCertificate and tlsKey, or neither");
        }
    }

    public GatewaySettings(String host, int port, long maxBodyBytes, long integrationTimeoutMillis, int workerThreads,
                           ThrottleSpec accountThrottle) {
        this(host, port, maxBodyBytes, integrationTimeoutMillis, workerThreads, accountThrottle, null, null);
    }

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3000;
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    public static final long DEFAULT_INTEGRATION_TIMEOUT_MILLIS = 29_000;
    public static final int DEFAULT_WORKER_THREADS = 64;

    public GatewaySettings(String host, int port) {
        this(host, port, DEFAULT_MAX_BODY_BYTES, DEFAULT_INTEGRATION_TIMEOUT_MILLIS, DEFAULT_WORKER_THREADS,
                AccountThrottle.DEFAULT_LIMIT);
    }

    public static GatewaySettings defaults() {
        return new GatewaySettings(DEFAULT_HOST, DEFAULT_PORT);
    }

    public GatewaySettings withPort(int newPort) {
        return new GatewaySettings(host, newPort, maxBodyBytes, integrationTimeoutMillis, workerThreads, accountThrottle,
                tlsCertificate, tlsKey);
    }

    public GatewaySettings withMaxBodyBytes(long newMaxBodyBytes) {
        return new GatewaySettings(host, port, newMaxBodyBytes, integrationTimeoutMillis, workerThreads, accountThrottle,
                tlsCertificate, tlsKey);
    }

    public GatewaySettings withIntegrationTimeoutMillis(long newTimeoutMillis) {
        return new GatewaySettings(host, port, maxBodyBytes, newTimeoutMillis, workerThreads, accountThrottle,
                tlsCertificate, tlsKey);
    }

    /** Serves HTTPS only, with this PEM certificate (chain) and key. */
    public GatewaySettings withTls(Path certificate, Path key) {
        return new GatewaySettings(host, port, maxBodyBytes, integrationTimeoutMillis, workerThreads, accountThrottle,
                certificate, key);
    }

    public boolean tls() {
        return tlsCertificate != null;
    }

    public GatewaySettings withAccountThrottle(ThrottleSpec newAccountThrottle) {
        return new GatewaySettings(host, port, maxBodyBytes, integrationTimeoutMillis, workerThreads, newAccountThrottle,
                tlsCertificate, tlsKey);
    }
}
