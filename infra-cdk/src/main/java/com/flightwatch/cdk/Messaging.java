package com.flightwatch.cdk;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.kms.Alias;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Subscription;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.LambdaSubscription;
import software.amazon.awscdk.services.sns.subscriptions.LambdaSubscriptionProps;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The alerts topic between the alerts and SMS functions, its dead-letter queue, and the
 * schedules: the sweeper every minute, and an optional keep-warm ping ({@code -c keepWarm=true}).
 */
public final class Messaging extends Construct {

    public static final String KEEP_WARM_CONTEXT_KEY = "keepWarm";

    private final Topic alertsTopic;
    private final Queue deadLetters;

    public Messaging(Construct scope, String id, DeploymentStage stage) {
        super(scope, id);
        alertsTopic = Topic.Builder.create(this, "AlertsTopic")
                .displayName("Flightwatch alerts")
                // The AWS managed key: encrypted at rest without a key to pay for or manage.
                .masterKey(Alias.fromAliasName(this, "SnsManagedKey", "alias/aws/sns"))
                .enforceSsl(true)
                .build();
        deadLetters = Queue.Builder.create(this, "SmsDeadLetters")
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .removalPolicy(stage.dataRemovalPolicy())
                .build();
        Nag.accept(deadLetters, "AwsSolutions-SQS3", "This queue is the dead-letter queue of the SMS subscription"
                + " (its RedrivePolicy); cdk-nag only recognises dead-letter queues of other queues");
    }

    public ITopic alertsTopic() {
        return alertsTopic;
    }

    public Queue deadLetters() {
        return deadLetters;
    }

    /** Messages SNS could not deliver to the SMS function after its retries land in the queue, not in the void. */
    public void subscribeSms(Functions functions) {
        Subscription subscription = alertsTopic.addSubscription(new LambdaSubscription(functions.live(FlightwatchFunction.SMS),
                LambdaSubscriptionProps.builder().deadLetterQueue(deadLetters).build()));
        Validations.of(subscription).acknowledge(Acknowledgment.builder()
                .id("CloudFormation-Validate::W3694")
                .reason("SNS delivers to a qualified function ARN (the live alias) as it does to the function")
                .build());
    }

    /**
     * Alerts are committed QUEUED before they are published; a crash in between would lose them.
     * The sweeper publishes again, every minute, what is still QUEUED after a grace period.
     */
    public void sweepEveryMinute(Functions functions) {
        Rule.Builder.create(this, "SweeperSchedule")
                .description("Republishes alerts still QUEUED after a grace period")
                .schedule(Schedule.rate(Duration.minutes(1)))
                .targets(List.of(new LambdaFunction(functions.live(FlightwatchFunction.SWEEPER))))
                .build();
    }

    /** Off by default: SnapStart already makes cold starts short; this keeps one instance of each API function warm. */
    public void keepWarmIfAsked(Functions functions) {
        Object flag = getNode().tryGetContext(KEEP_WARM_CONTEXT_KEY);
        if (flag == null || !Boolean.parseBoolean(flag.toString())) {
            return;
        }
        LambdaFunctionProps ping = LambdaFunctionProps.builder()
                .event(RuleTargetInput.fromObject(Map.of("source", "flightwatch.keep-warm")))
                .build();
        Rule.Builder.create(this, "KeepWarmSchedule")
                .description("Keeps one instance of each API function warm")
                .schedule(Schedule.rate(Duration.minutes(5)))
                .targets(List.of(
                        new LambdaFunction(functions.live(FlightwatchFunction.FLIGHTS), ping),
                        new LambdaFunction(functions.live(FlightwatchFunction.ALERTS), ping)))
                .build();
    }
}
