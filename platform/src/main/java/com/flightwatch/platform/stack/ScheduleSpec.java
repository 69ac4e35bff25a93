package com.flightwatch.platform.stack;

import java.util.List;

/**
 * One {@code AWS::Events::Rule} with a {@code ScheduleExpression} ({@code rate(1 minute)},
 * {@code cron(...)}) and the functions it invokes.
 *
 * @param targets each target's function name and the constant JSON input, if the rule gives one
 */
public record ScheduleSpec(String logicalId, String name, String scheduleExpression, boolean enabled,
                           List<Target> targets) {

    /** A function the rule invokes; {@code inputJson} is null for the default scheduled event. */
    public record Target(String functionName, String inputJson) {
    }
}
