package com.flightwatch.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertMessageTest {

    private static final String FIRST = "0190f0a0-0000-7000-8000-000000000001";
    private static final String SECOND = "0190f0a0-0000-7000-8000-000000000002";

    @Test
    void parse_ofToJson_roundTrips() {
        AlertMessage message = new AlertMessage(List.of(FIRST, SECOND));

        assertThat(AlertMessage.parse(message.toJson())).contains(message);
        assertThat(message.toJson()).isEqualTo("{\"alertIds\":[\"" + FIRST + "\",\"" + SECOND + "\"]}");
    }

    @Test
    void parse_oneAlertFormOfEarlierMessages_readsItsId() {
        assertThat(AlertMessage.parse("{\"alertId\":\"" + FIRST + "\"}")).contains(AlertMessage.of(FIRST));
    }

    @Test
    void parse_notJson_isEmpty() {
        assertThat(AlertMessage.parse("hello")).isEmpty();
        assertThat(AlertMessage.parse("[\"" + FIRST + "\"]")).isEmpty();
    }

    @Test
    void parse_withoutIds_isEmpty() {
        assertThat(AlertMessage.parse("{\"other\":1}")).isEmpty();
        assertThat(AlertMessage.parse("{\"alertIds\":[]}")).isEmpty();
    }

    @Test
    void parse_blankOrNonTextId_isEmpty() {
        assertThat(AlertMessage.parse("{\"alertIds\":[\"" + FIRST + "\", \" \"]}")).isEmpty();
        assertThat(AlertMessage.parse("{\"alertIds\":[42]}")).isEmpty();
        assertThat(AlertMessage.parse("{\"alertId\":42}")).isEmpty();
    }

    @Test
    void parse_moreIdsThanAMessageCarries_isEmpty() {
        String ids = String.join(",", Collections.nCopies(AlertMessage.MAX_ALERTS + 1, "\"" + FIRST + "\""));

        assertThat(AlertMessage.parse("{\"alertIds\":[" + ids + "]}")).isEmpty();
    }

    @Test
    void constructor_noIds_fails() {
        assertThatThrownBy(() -> new AlertMessage(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 100");
    }
}
