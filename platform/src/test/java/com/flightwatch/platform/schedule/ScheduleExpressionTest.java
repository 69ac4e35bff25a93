package com.flightwatch.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleExpressionTest {

    @ParameterizedTest(name = "{0} after {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            rate(1 minute)                  | 2026-11-24T03:10:20Z | 2026-11-24T03:11:20Z
            rate(5 minutes)                 | 2026-11-24T03:10:20Z | 2026-11-24T03:15:20Z
            rate(2 hours)                   | 2026-11-24T03:10:20Z | 2026-11-24T05:10:20Z
            rate(1 day)                     | 2026-11-24T03:10:20Z | 2026-11-25T03:10:20Z
            cron(* * * * ? *)               | 2026-11-24T03:10:20Z | 2026-11-24T03:11:00Z
            cron(0/15 * * * ? *)            | 2026-11-24T03:10:20Z | 2026-11-24T03:15:00Z
            cron(0 12 * * ? *)              | 2026-11-24T13:00:00Z | 2026-11-25T12:00:00Z
            cron(30 8 ? * 2-6 *)            | 2026-11-28T09:00:00Z | 2026-11-30T08:30:00Z
            cron(0 0 1 1,7 ? *)             | 2026-11-24T00:00:00Z | 2027-01-01T00:00:00Z
            cron(5,10 3 24 11 ? 2026)       | 2026-11-24T03:05:00Z | 2026-11-24T03:10:00Z
            """)
    void nextAfter_followsTheExpressionInUtc(String expression, String after, String expected) {
        assertThat(ScheduleExpression.parse(expression).nextAfter(Instant.parse(after))).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate(1 minutes)", "rate(2 minute)", "rate(0 minutes)", "rate(1 week)", "every minute",
            "cron(* * * * *)", "cron(* * * * * *)", "cron(0 12 L * ? *)", "cron(61 * * * ? *)", "cron(0 10 ? * MON *)"})
    void parse_whenExpressionCannotRunLocally_failsSayingWhy(String expression) {
        assertThatThrownBy(() -> ScheduleExpression.parse(expression))
                .isInstanceOf(InvalidScheduleExpressionException.class).hasMessageContaining(expression);
    }

    @org.junit.jupiter.api.Test
    void nextAfter_cronThatNeverFires_fails() {
        ScheduleExpression past = ScheduleExpression.parse("cron(0 0 1 1 ? 1999)");

        assertThatThrownBy(() -> past.nextAfter(Instant.parse("2026-01-01T00:00:00Z")))
                .isInstanceOf(InvalidScheduleExpressionException.class);
    }
}
