package com.flightwatch.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrossSiteRequestsTest {

    private static final String HOST = "127.0.0.1:3001";

    @Test
    void refused_programWithoutBrowserHeaders_passes() {
        assertThat(CrossSiteRequests.refused(HOST, null, null)).isFalse();
    }

    @Test
    void refused_consoleOnTheSameOrigin_passes() {
        assertThat(CrossSiteRequests.refused(HOST, "http://127.0.0.1:3001", "same-origin")).isFalse();
        assertThat(CrossSiteRequests.refused(HOST, null, "none")).isFalse();
    }

    @Test
    void refused_pageOfAnotherSite_isRefused() {
        assertThat(CrossSiteRequests.refused(HOST, "https://evil.example", "cross-site")).isTrue();
        assertThat(CrossSiteRequests.refused(HOST, "https://evil.example", null)).isTrue();
        assertThat(CrossSiteRequests.refused(HOST, null, "cross-site")).isTrue();
    }

    @Test
    void refused_anotherPortOfLocalhost_isRefused() {
        assertThat(CrossSiteRequests.refused(HOST, "http://127.0.0.1:8080", "same-site")).isTrue();
        assertThat(CrossSiteRequests.refused(HOST, "http://127.0.0.1:8080", null)).isTrue();
    }

    @Test
    void refused_opaqueOrMalformedOrigin_isRefused() {
        assertThat(CrossSiteRequests.refused(HOST, "null", null)).isTrue();
        assertThat(CrossSiteRequests.refused(HOST, "http://[bad", null)).isTrue();
    }
}
