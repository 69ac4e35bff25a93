package com.flightwatch.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where {@code flightwatch up} takes the control plane's credentials from: its flags, else the
 * environment ({@code FLIGHTWATCH_ACCESS_KEY_ID}, {@code FLIGHTWATCH_SECRET_ACCESS_KEY}), each half
 * on its own, so a secret can stay out of the command line (and out of {@code ps}).
 */
public final class CredentialSources {

    public static final String ACCESS_KEY_ID_ENV = "FLIGHTWATCH_ACCESS_KEY_ID";
    public static final String SECRET_ACCESS_KEY_ENV = "FLIGHTWATCH_SECRET_ACCESS_KEY";
    public static final String ACCESS_KEY_ID_FLAG = "--access-key-id";
    public static final String SECRET_ACCESS_KEY_FLAG = "--secret-access-key";

    private CredentialSources() {
    }

    /**
     * @param environment reads an environment variable (null when unset)
     * @return the credentials, or empty when neither half is given anywhere
     * @throws MissingCredentialsException when only one half is given, naming the missing one
     */
    public static Optional<AccessCredentials> resolve(String keyIdFlag, String secretFlag,
            Function<String, String> environment) {
        String keyId = firstGiven(keyIdFlag, environment.apply(ACCESS_KEY_ID_ENV));
        String secret = firstGiven(secretFlag, environment.apply(SECRET_ACCESS_KEY_ENV));
        if (keyId == null && secret == null) {
            return Optional.empty();
        }
        List<String> missing = missing(keyId, secret);
        if (!missing.isEmpty()) {
            throw new MissingCredentialsException("Credentials are incomplete: " + String.join(" and ", missing)
                    + " is missing");
        }
        try {
            return Optional.of(new AccessCredentials(keyId, secret));
        } catch (IllegalArgumentException e) {
            throw new MissingCredentialsException("Credentials are not usable: " + e.getMessage());
        }
    }

    /** What is missing, by flag and environment variable, for an error message. */
    static List<String> missing(String keyId, String secret) {
        List<String> missing = new ArrayList<>();
        if (keyId == null) {
            missing.add("the access key id (" + ACCESS_KEY_ID_FLAG + " or " + ACCESS_KEY_ID_ENV + ")");
        }
        if (secret == null) {
            missing.add("the secret access key (" + SECRET_ACCESS_KEY_FLAG + " or " + SECRET_ACCESS_KEY_ENV + ")");
        }
        return missing;
    }

    private static String firstGiven(String flag, String environment) {
        if (flag != null && !flag.isBlank()) {
            return flag;
        }
        return environment != null && !environment.isBlank() ? environment : null;
    }
}
