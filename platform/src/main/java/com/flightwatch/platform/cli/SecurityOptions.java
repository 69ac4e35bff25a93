package com.flightwatch.platform.cli;

import com.flightwatch.platform.security.AccessCredentials;
import com.flightwatch.platform.security.ControlPlaneAccess;
import com.flightwatch.platform.security.CredentialSources;
import com.flightwatch.platform.security.MissingCredentialsException;
import com.flightwatch.platform.security.SecuritySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** {@code flightwatch up}'s security flags: the control plane's credentials and the gateway's TLS. */
final class SecurityOptions {

    @Option(names = CredentialSources.ACCESS_KEY_ID_FLAG, paramLabel = "ID",
            description = "Access key id the control plane checks AWS Signature V4 (and HTTP Basic) against; required"
                    + " when --host is not a loopback address. Or env " + CredentialSources.ACCESS_KEY_ID_ENV + ".")
    String accessKeyId;

    @Option(names = CredentialSources.SECRET_ACCESS_KEY_FLAG, paramLabel = "SECRET",
            description = "Its secret. Prefer env " + CredentialSources.SECRET_ACCESS_KEY_ENV
                    + ": a flag shows in the process list.")
    String secretAccessKey;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "PEM certificate (chain) for the gateway: with --tls-key it serves HTTPS only.")
    Path tlsCertificate;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM private key of --tls-cert.")
    Path tlsKey;

    /**
     * @throws MissingCredentialsException when {@code host} needs credentials and they are missing or half given
     * @throws IllegalArgumentException    when the TLS files are half given or unreadable
     */
    SecuritySettings settings(String host, Function<String, String> environment) {
        AccessCredentials credentials = CredentialSources.resolve(accessKeyId, secretAccessKey, environment).orElse(null);
        SecuritySettings settings = new SecuritySettings(credentials, false, tlsCertificate, tlsKey);
        for (Path file : new Path[] {tlsCertificate, tlsKey}) {
            if (file != null && !Files.isReadable(file)) {
                throw new IllegalArgumentException("Cannot read the TLS file " + file.toAbsolutePath());
            }
        }
        if (credentials == null && ControlPlaneAccess.credentialsRequired(host, settings)) {
            throw new MissingCredentialsException("--host " + host + " is not a loopback address, so the control plane"
                    + " needs credentials to check: give " + CredentialSources.ACCESS_KEY_ID_FLAG + " and "
                    + CredentialSources.SECRET_ACCESS_KEY_FLAG + " (or set " + CredentialSources.ACCESS_KEY_ID_ENV
                    + " and " + CredentialSources.SECRET_ACCESS_KEY_ENV + "), or listen on 127.0.0.1.");
        }
        return settings;
    }
}
