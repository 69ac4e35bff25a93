package com.flightwatch.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.flightwatch.platform.lambda.InvocationResult;
import com.flightwatch.platform.sns.RecordingInvoker;
import com.flightwatch.platform.stack.ScheduleSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T03:40:00Z"), ZoneOffset.UTC);

    @Test
    void fireNow_invokesEachTargetWithAScheduledEvent() throws Exception {
        RecordingInvoker invoker = new RecordingInvoker();
        ScheduleSpec rule = new ScheduleSpec("SweepRule", "sweep-rule", "rate(1 minute)", true,
                List.of(new ScheduleSpec.Target("sweeper", null), new ScheduleSpec.Target("fixed-input", "{\"full\":true}")));
        try (Scheduler scheduler = new Scheduler(invoker, List.of(rule), "eu-west-1", CLOCK)) {

            List<InvocationResult> results = scheduler.fireNow("SweepRule");

            assertThat(results).hasSize(2).allMatch(InvocationResult::succeeded);
            ScheduledEvent event = LambdaEventSerializers.serializerFor(ScheduledEvent.class, getClass().getClassLoader())
                    .fromJson(invoker.next("sweeper", 1).eventJson());
            assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
            assertThat(event.getSource()).isEqualTo("aws.events");
            assertThat(event.getRegion()).isEqualTo("eu-west-1");
            assertThat(event.getResources()).containsExactly("arn:aws:events:eu-west-1:000000000000:rule/sweep-rule");
            assertThat(event.getTime().getMillis()).isEqualTo(CLOCK.millis());
            assertThat(invoker.next("fixed-input", 1).eventJson()).isEqualTo("{\"full\":true}");
        }
    }

    @Test
    void start_withRateOfOneMinute_doesNotFireAtOnce() throws Exception {
        RecordingInvoker invoker = new RecordingInvoker();
        ScheduleSpec rule = new ScheduleSpec("Rule", "rule", "rate(1 minute)", true, List.of(new ScheduleSpec.Target("later", null)));
        try (Scheduler scheduler = new Scheduler(invoker, List.of(rule), "us-east-1", Clock.systemUTC())) {
            scheduler.start();

            assertThat(invoker.next("later", 1)).as("the first run is one period after the start, as in EventBridge").isNull();
        }
    }

    @Test
    void constructor_withExpressionThatCannotRun_failsNamingIt() {
        ScheduleSpec rule = new ScheduleSpec("Rule", "rule", "rate(1 fortnight)", true, List.of());

        assertThatThrownBy(() -> new Scheduler(new RecordingInvoker(), List.of(rule), "us-east-1", CLOCK))
                .isInstanceOf(InvalidScheduleExpressionException.class).hasMessageContaining("rate(1 fortnight)");
    }

    @Test
    void fireNow_withUnknownRule_fails() {
        try (Scheduler scheduler = new Scheduler(new RecordingInvoker(), List.of(), "us-east-1", CLOCK)) {
            assertThatThrownBy(() -> scheduler.fireNow("Nope")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
