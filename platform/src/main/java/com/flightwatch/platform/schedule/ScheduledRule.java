package com.flightwatch.platform.schedule;

import com.flightwatch.platform.stack.ScheduleSpec;
import java.time.Instant;

/**
 * A rule of the stack as the scheduler runs it.
 *
 * @param nextFire when its timer fires next; null when the rule does not run (disabled, no targets,
 *                 or the scheduler not started)
 */
public record ScheduledRule(ScheduleSpec spec, Instant nextFire) {
}
