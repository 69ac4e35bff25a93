package com.flightwatch.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumberRedactionTest {

    @Test
    void mask_e164NumbersInJson_keepsTheirEndsOnly() {
        String result = "{\"passengers\":[{\"phone\":\"+14155550100\"},{\"phone\":\"+442071838750\"}]}";

        assertThat(PhoneNumberRedaction.mask(result))
                .isEqualTo("{\"passengers\":[{\"phone\":\"+1415*****00\"},{\"phone\":\"+4420******50\"}]}");
    }

    @Test
    void mask_numbersInLogLines_areMaskedWhereverTheyStand() {
        assertThat(PhoneNumberRedaction.mask("sent to +46701234567, then +14155550101."))
                .isEqualTo("sent to +4670*****67, then +1415*****01.");
    }

    @Test
    void mask_whatIsNotAPhoneNumber_staysAsItIs() {
        String text = "2026-11-24T08:30:00+01:00 a+1234567 +123 C++ 3+4=7 +0123456789";

        assertThat(PhoneNumberRedaction.mask(text)).isEqualTo(text);
    }

    @Test
    void mask_nullAndTextWithoutPlus_areReturnedUnchanged() {
        assertThat(PhoneNumberRedaction.mask(null)).isNull();
        assertThat(PhoneNumberRedaction.mask("14155550100")).isEqualTo("14155550100");
    }
}
