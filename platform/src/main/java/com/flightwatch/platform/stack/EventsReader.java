package com.flightwatch.platform.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads {@code AWS::Events::Rule} resources that run on a schedule. Rules on an event pattern have
 * nothing to run locally and are left out; so are targets that are not functions of the stack.
 */
final class EventsReader {

    private final Intrinsics intrinsics;
    private final Consumer<String> notices;

    EventsReader(Intrinsics intrinsics, Consumer<String> notices) {
        this.intrinsics = intrinsics;
        this.notices = notices;
    }

    /** @return the schedule, or null when the rule has no ScheduleExpression */
    ScheduleSpec rule(String logicalId, JsonNode resource) {
        JsonNode properties = resource.path("Properties");
        String expression = intrinsics.resolveText(properties.get("ScheduleExpression"), logicalId + " (ScheduleExpression)");
        if (expression == null) {
            notices.accept("Rule " + logicalId + " reacts to events, not to a schedule: it does not run locally");
            return null;
        }
        // A rule without a Name is named after its logical id: it shows in logs and in the event's resources.
        String name = properties.hasNonNull("Name")
                ? intrinsics.resolveText(properties.get("Name"), logicalId + " (Name)")
                : logicalId;
        boolean enabled = !"DISABLED".equals(intrinsics.resolveText(properties.get("State"), logicalId + " (State)"));
        List<ScheduleSpec.Target> targets = new ArrayList<>();
        for (JsonNode target : properties.path("Targets")) {
            String arn = intrinsics.resolveText(target.get("Arn"), logicalId + " (Targets.Arn)");
            if (arn == null || !arn.contains(":lambda:") || !arn.contains(":function:")) {
                notices.accept("Rule " + logicalId + " targets " + arn + ", which is not a function: that target does not run locally");
                continue;
            }
            String input = target.hasNonNull("Input") ? intrinsics.resolveText(target.get("Input"), logicalId + " (Targets.Input)") : null;
            targets.add(new ScheduleSpec.Target(AwsIds.functionNameFromArn(arn), input));
        }
        return new ScheduleSpec(logicalId, name, expression, enabled, List.copyOf(targets));
    }
}
