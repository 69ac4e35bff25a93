package com.flightwatch.platform.stack;

import java.util.List;

/** What the platform runs of one CloudFormation stack. */
public record StackSpec(
        String stackName,
        List<FunctionSpec> functions,
        List<TopicSpec> topics,
        List<SubscriptionSpec> subscriptions,
        List<ApiSpec> apis,
        List<ScheduleSpec> schedules) {
}
