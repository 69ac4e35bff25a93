package com.flightwatch.platform.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivationQueryParametersTest {

    @Test
    void read_everyParameter_makesTheQuery() {
        ActivationQuery query = read(Map.of("function", "flights", "status", "timeout", "since", "1764000000000",
                "upto", "2026-11-24T06:00:00+01:00", "limit", "5", "skip", "10"));

        assertThat(query).isEqualTo(new ActivationQuery("flights", "TIMEOUT", Instant.ofEpochMilli(1764000000000L),
                Instant.parse("2026-11-24T05:00:00Z"), 5, 10));
    }

    @Test
    void read_nothing_isTheNewestDefaultPage() {
        assertThat(read(Map.of())).isEqualTo(new ActivationQuery(null, null, ActivationQuery.DEFAULT_LIMIT));
    }

    @Test
    void read_badValue_failsNamingTheParameter() {
        assertThatThrownBy(() -> read(Map.of("since", "yesterday"))).hasMessageStartingWith("since must be");
        assertThatThrownBy(() -> read(Map.of("upto", "2026-13-01"))).hasMessageStartingWith("upto must be");
        assertThatThrownBy(() -> read(Map.of("skip", "-1"))).hasMessageStartingWith("skip must be");
        assertThatThrownBy(() -> read(Map.of("skip", "x"))).hasMessageStartingWith("skip must be");
        assertThatThrownBy(() -> read(Map.of("limit", "0"))).hasMessageStartingWith("limit must be");
        assertThatThrownBy(() -> read(Map.of("status", "SLEEPY"))).hasMessageStartingWith("status must be one of");
        assertThatThrownBy(() -> read(Map.of("since", "2000", "upto", "1000"))).hasMessageStartingWith("upto must not");
    }

    private static ActivationQuery read(Map<String, String> parameters) {
        return ActivationQueryParameters.read(parameters::get);
    }
}
