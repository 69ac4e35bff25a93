package com.flightwatch.platform.sns;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the platform reaches http/https subscribers.
 *
 * @param timeout             how long one POST may take, connection included; SNS gives an endpoint 15 s
 * @param trustAnyCertificate accept any https certificate and host name: for local endpoints with a
 *                            self-signed certificate. Off by default, as SNS accepts only a certificate chain
 *                            to a trusted CA (here: the JDK's trust store)
 */
public record HttpDeliverySettings(Duration timeout, boolean trustAnyCertificate) {

    public HttpDeliverySettings {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    /** Set to {@code true} to accept self-signed certificates of local https subscribers (see docs/topics.md). */
    public static final String TRUST_ANY_CERTIFICATE_ENV = "FLIGHTWATCH_SNS_HTTPS_TRUST_ANY_CERTIFICATE";

    /**
     * The defaults, with {@value #TRUST_ANY_CERTIFICATE_ENV} from {@code environment}.
     * @throws IllegalArgumentException naming the variable when it is neither true nor false
     */
    public static HttpDeliverySettings fromEnvironment(Map<String, String> environment) {
        String trustAny = environment.getOrDefault(TRUST_ANY_CERTIFICATE_ENV, "false").trim().toLowerCase(Locale.ROOT);
        if (!trustAny.equals("true") && !trustAny.equals("false")) {
            throw new IllegalArgumentException(TRUST_ANY_CERTIFICATE_ENV + " must be true or false, was '"
                    + environment.get(TRUST_ANY_CERTIFICATE_ENV) + "'");
        }
        return defaults().withTrustAnyCertificate(trustAny.equals("true"));
    }

    public static HttpDeliverySettings defaults() {
        return new HttpDeliverySettings(Duration.ofSeconds(15), false);
    }

    public HttpDeliverySettings withTimeout(Duration newTimeout) {
        return new HttpDeliverySettings(newTimeout, trustAnyCertificate);
    }

    public HttpDeliverySettings withTrustAnyCertificate(boolean trustAny) {
        return new HttpDeliverySettings(timeout, trustAny);
    }
}
