package com.flightwatch.platform.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpDeliverySettingsTest {

    @Test
    void fromEnvironment_withoutTheVariable_checksCertificatesWithSnsTimeout() {
        HttpDeliverySettings settings = HttpDeliverySettings.fromEnvironment(Map.of());

        assertThat(settings.trustAnyCertificate()).isFalse();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void fromEnvironment_withTrue_trustsAnyCertificate() {
        assertThat(HttpDeliverySettings.fromEnvironment(
                Map.of(HttpDeliverySettings.TRUST_ANY_CERTIFICATE_ENV, "TRUE")).trustAnyCertificate()).isTrue();
    }

    @Test
    void fromEnvironment_withAnotherValue_failsNamingTheVariable() {
        assertThatThrownBy(() -> HttpDeliverySettings.fromEnvironment(
                Map.of(HttpDeliverySettings.TRUST_ANY_CERTIFICATE_ENV, "yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(HttpDeliverySettings.TRUST_ANY_CERTIFICATE_ENV).hasMessageContaining("'yes'");
    }
}
