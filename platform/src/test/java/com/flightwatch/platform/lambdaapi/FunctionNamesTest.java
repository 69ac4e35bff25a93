package com.flightwatch.platform.lambdaapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FunctionNamesTest {

    @Test
    void name_ofNamePartialArnFullArnOrQualified_isTheName() {
        assertThat(FunctionNames.name("flights")).isEqualTo("flights");
        assertThat(FunctionNames.name("123456789012:function:flights")).isEqualTo("flights");
        assertThat(FunctionNames.name("arn:aws:lambda:us-east-1:123456789012:function:flights")).isEqualTo("flights");
        assertThat(FunctionNames.name("arn:aws:lambda:us-east-1:123456789012:function:flights:$LATEST")).isEqualTo("flights");
        assertThat(FunctionNames.name("flights:live")).isEqualTo("flights");
    }

    @Test
    void name_endingInFunction_isNotCutAtTheWordFunction() {
        assertThat(FunctionNames.name("myfunction:$LATEST")).isEqualTo("myfunction");
    }

    @Test
    void name_outsideLambdasPattern_throwsValidationExceptionNamingTheMember() {
        for (String bad : new String[] {"has space", "slash/in", "é", "name:", "name:1:2", "arn:aws:s3:::bucket",
                "arn:aws:lambda:us-east-1:12345:function:x", "'; DROP TABLE platform_functions; --", "a\nb"}) {
            assertThatThrownBy(() -> FunctionNames.name(bad)).as(bad).isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("1 validation error detected: Value '" + bad + "' at 'functionName'");
        }
    }

    @Test
    void name_emptyOrOver170Characters_throwsValidationException() {
        assertThatThrownBy(() -> FunctionNames.name("")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> FunctionNames.name("a".repeat(171))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("length");
    }
}
