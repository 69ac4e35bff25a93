package com.flightwatch.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertMessageTest {

    @Test
    void parse_ofToJson_roundTrips() {
        AlertMessage message = new AlertMessage("0190f0a0-0000-7000-8000-000000000001");

        assertThat(AlertMessage.parse(message.toJson())).contains(message);
    }

    @Test
    void parse_notJson_isEmpty() {
        assertThat(AlertMessage.parse("hello")).isEmpty();
    }

    @Test
    void parse_withoutAlertId_isEmpty() {
        assertThat(AlertMessage.parse("{\"other\":1}")).isEmpty();
    }
}
