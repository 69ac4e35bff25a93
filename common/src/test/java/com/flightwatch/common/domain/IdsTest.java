package com.flightwatch.common.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void newId_isAVersion7UuidInCanonicalForm() {
        String id = Ids.newId();

        assertThat(Ids.isWellFormed(id)).isTrue();
        assertThat(UUID.fromString(id).version()).isEqualTo(7);
        assertThat(UUID.fromString(id).variant()).isEqualTo(2);
    }

    @Test
    void newId_manyInARow_sortInCreationOrder() {
        List<String> ids = IntStream.range(0, 10_000).mapToObj(i -> Ids.newId()).toList();

        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void isWellFormed_upperCaseOrShort_isFalse() {
        assertThat(Ids.isWellFormed(Ids.newId().toUpperCase())).isFalse();
        assertThat(Ids.isWellFormed("abc")).isFalse();
        assertThat(Ids.isWellFormed(null)).isFalse();
    }

    @Test
    void toString_ofAlertAndPassenger_masksThePhone() {
        Passenger passenger = new Passenger("p", "f", "Ada", "Lovelace", "ada@example.com", "+14155550100", null);

        assertThat(passenger.toString()).contains("+1415*****00").doesNotContain("+14155550100")
                .doesNotContain("ada@example.com");
    }
}
