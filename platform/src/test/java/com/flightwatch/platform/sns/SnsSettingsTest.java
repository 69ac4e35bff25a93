package com.flightwatch.platform.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SnsSettingsTest {

    @Test
    void retryDelay_byDefault_isOneTwoFourSeconds() {
        SnsSettings settings = SnsSettings.defaults();

        assertThat(settings.retries()).isEqualTo(3);
        assertThat(settings.retryDelay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.retryDelay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.retryDelay(3)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void retryDelay_whenManyRetries_isCappedAtFiveMinutes() {
        assertThat(SnsSettings.defaults().retryDelay(40)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void constructor_whenNoWorkers_refuses() {
        SnsSettings defaults = SnsSettings.defaults();
        assertThatThrownBy(() -> new SnsSettings(defaults.region(), 0, 3, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofMinutes(1), true, defaults.publicEndpoint(), defaults.http()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deliveryWorkers");
    }
}
