package com.flightwatch.platform.security;

import java.util.regex.Pattern;

/**
 * Which API of the control plane a request speaks: it decides the SigV4 service name the signature
 * must be scoped to, the largest body read before the check, and the shape of a refusal.
 */
enum ControlPlaneApi {

    /** Lambda's REST API: {@code /2015-03-31/functions/...}. */
    LAMBDA("lambda"),
    /** SNS's Query API: {@code POST /}, or {@code GET /?Action=...}. */
    SNS("sns"),
    /** Everything else: {@code /_platform/*}, {@code /metrics}, the console. */
    PLATFORM("flightwatch");

    private static final Pattern LAMBDA_PATH = Pattern.compile("^/20\\d\\d-\\d\\d-\\d\\d/.*");

    private final String signingName;

    ControlPlaneApi(String signingName) {
        this.signingName = signingName;
    }

    /** The service a SigV4 credential scope must name for this API. */
    String signingName() {
        return signingName;
    }

    static ControlPlaneApi of(String method, String path, boolean hasAction) {
        if (LAMBDA_PATH.matcher(path).matches()) {
            return LAMBDA;
        }
        if (path.equals("/") && (method.equals("POST") || hasAction)) {
            return SNS;
        }
        return PLATFORM;
    }
}
