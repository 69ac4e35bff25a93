package com.flightwatch.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.platform.security.MissingCredentialsException;
import com.flightwatch.platform.security.SecuritySettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SecurityOptionsTest {

    private static SecurityOptions parse(String... arguments) {
        SecurityOptions options = new SecurityOptions();
        new CommandLine(options).parseArgs(arguments);
        return options;
    }

    @Test
    void settings_loopbackWithoutCredentials_needsNone() {
        SecuritySettings settings = parse().settings("127.0.0.1", name -> null);

        assertThat(settings.credentials()).isNull();
        assertThat(settings.tls()).isFalse();
    }

    @Test
    void settings_wildcardWithoutCredentials_refusesAndNamesFlagsAndVariables() {
        assertThatThrownBy(() -> parse().settings("0.0.0.0", name -> null))
                .isInstanceOf(MissingCredentialsException.class)
                .hasMessageContaining("--host 0.0.0.0 is not a loopback address")
                .hasMessageContaining("--access-key-id and --secret-access-key")
                .hasMessageContaining("FLIGHTWATCH_ACCESS_KEY_ID and FLIGHTWATCH_SECRET_ACCESS_KEY");
    }

    @Test
    void settings_wildcardWithOnlyTheKeyId_saysTheSecretIsMissing() {
        assertThatThrownBy(() -> parse("--access-key-id", "AKID").settings("0.0.0.0", name -> null))
                .isInstanceOf(MissingCredentialsException.class)
                .hasMessageContaining("the secret access key (--secret-access-key or FLIGHTWATCH_SECRET_ACCESS_KEY)"
                        + " is missing");
    }

    @Test
    void settings_wildcardWithCredentialsFromTheEnvironment_takesThem() {
        SecuritySettings settings = parse().settings("0.0.0.0", Map.of("FLIGHTWATCH_ACCESS_KEY_ID", "AKID",
                "FLIGHTWATCH_SECRET_ACCESS_KEY", "secret")::get);

        assertThat(settings.credentials().accessKeyId()).isEqualTo("AKID");
    }

    @Test
    void settings_tlsCertificateWithoutKey_refuses() {
        assertThatThrownBy(() -> parse("--tls-cert", "cert.pem").settings("127.0.0.1", name -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--tls-key");
    }

    @Test
    void settings_unreadableTlsFiles_refusesNamingTheFile() {
        assertThatThrownBy(() -> parse("--tls-cert", "missing-cert.pem", "--tls-key", "missing-key.pem")
                .settings("127.0.0.1", name -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Path.of("missing-cert.pem").toAbsolutePath().toString());
    }
}
