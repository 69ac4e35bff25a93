package com.flightwatch.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialSourcesTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            CredentialSources.ACCESS_KEY_ID_ENV, "AKIDFROMENV", CredentialSources.SECRET_ACCESS_KEY_ENV, "env-secret");

    @Test
    void resolve_flagsGiven_winOverTheEnvironment() {
        assertThat(CredentialSources.resolve("AKIDFLAG", "flag-secret", ENVIRONMENT::get))
                .contains(new AccessCredentials("AKIDFLAG", "flag-secret"));
    }

    @Test
    void resolve_onlyTheEnvironment_takesIt() {
        assertThat(CredentialSources.resolve(null, null, ENVIRONMENT::get))
                .contains(new AccessCredentials("AKIDFROMENV", "env-secret"));
    }

    @Test
    void resolve_keyIdByFlagAndSecretByEnvironment_combinesThem() {
        assertThat(CredentialSources.resolve("AKIDFLAG", null, ENVIRONMENT::get))
                .contains(new AccessCredentials("AKIDFLAG", "env-secret"));
    }

    @Test
    void resolve_nothingGiven_empty() {
        assertThat(CredentialSources.resolve(null, "", name -> null)).isEmpty();
    }

    @Test
    void resolve_secretMissing_namesTheFlagAndTheVariable() {
        assertThatThrownBy(() -> CredentialSources.resolve("AKIDFLAG", null, name -> null))
                .isInstanceOf(MissingCredentialsException.class)
                .hasMessageContaining("the secret access key (--secret-access-key or FLIGHTWATCH_SECRET_ACCESS_KEY)")
                .hasMessageNotContaining("access key id (");
    }

    @Test
    void resolve_keyIdMissing_namesTheFlagAndTheVariable() {
        assertThatThrownBy(() -> CredentialSources.resolve(null, "s3cr3t", name -> null))
                .isInstanceOf(MissingCredentialsException.class)
                .hasMessageContaining("the access key id (--access-key-id or FLIGHTWATCH_ACCESS_KEY_ID)")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void toString_neverShowsTheSecret() {
        assertThat(new AccessCredentials("AKID", "very-secret").toString()).contains("AKID").doesNotContain("very-secret");
    }
}
