package com.flightwatch.platform.stack;

import java.util.List;

/** What the platform runs of one CloudFormation stack. */
public record StackSpec(
        String stackName,
        List<FunctionSpec> functions,
        List<TopicSpec> topics,
        List<SubscriptionSpec> subscriptions,
        List<ApiSpec> apis,
        List<ScheduleSpec> schedules,
        List<CustomResourceSpec> customResources) {

    /** A stack without custom resources. */
    public StackSpec(String stackName, List<FunctionSpec> functions, List<TopicSpec> topics,
                     List<SubscriptionSpec> subscriptions, List<ApiSpec> apis, List<ScheduleSpec> schedules) {
        this(stackName, functions, topics, subscriptions, apis, schedules, List.of());
    }
}
