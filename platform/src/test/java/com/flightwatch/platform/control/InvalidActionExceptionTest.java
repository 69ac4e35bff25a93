package com.flightwatch.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidActionExceptionTest {

    @Test
    void errorCode_withoutAction_isMissingAction() {
        assertThat(new InvalidActionException(null).errorCode()).isEqualTo("MissingAction");
        assertThat(new InvalidActionException("").errorCode()).isEqualTo("MissingAction");
        assertThat(SnsErrors.of(new InvalidActionException(null)).status()).isEqualTo(400);
    }

    @Test
    void errorCode_ofAnActionNotServed_isInvalidAction() {
        assertThat(new InvalidActionException("Publish2").errorCode()).isEqualTo("InvalidAction");
        assertThat(new InvalidActionException("Publish2").getMessage()).contains("Publish2");
    }
}
