package com.flightwatch.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestTimesTest {

    private final RequestTimes times = new RequestTimes();

    @Test
    void format_anInstant_isApiGatewaysClfTime() {
        assertThat(times.format(Instant.parse("2026-11-24T05:01:02.345Z").toEpochMilli())).isEqualTo("24/Nov/2026:05:01:02 +0000");
    }

    @Test
    void format_theNextSecondAfterACachedOne_isFormattedAnew() {
        long millis = Instant.parse("2026-11-24T23:59:59.999Z").toEpochMilli();
        times.format(millis);

        assertThat(times.format(millis + 1)).isEqualTo("25/Nov/2026:00:00:00 +0000");
        assertThat(times.format(millis)).isEqualTo("24/Nov/2026:23:59:59 +0000");
    }
}
