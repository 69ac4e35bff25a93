package com.flightwatch.cdk;

import java.util.Map;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * What an operator must hear about, sent to the operators topic (subscribe an e-mail address to
 * it after deploying): API 5xx answers, function errors, messages in the SMS dead-letter queue,
 * failing SMS deliveries, and SMS spend reaching the monthly limit.
 */
public final class Alarms extends Construct {

    /** Below this share of SMS delivered, something is wrong with the numbers or the account's SMS set-up. */
    static final double SMS_SUCCESS_RATE_FLOOR = 0.9;
    private static final Duration PERIOD = Duration.minutes(5);

    private final Topic operatorsTopic;
    private final SnsAction notifyOperators;

    public Alarms(Construct scope, String id) {
        super(scope, id);
        operatorsTopic = Topic.Builder.create(this, "OperatorsTopic")
                .displayName("Flightwatch operators")
                .enforceSsl(true)
                .build();
        notifyOperators = new SnsAction(operatorsTopic);
    }

    public Topic operatorsTopic() {
        return operatorsTopic;
    }

    public void watch(Api api, Functions functions, Messaging messaging, CfnParameter smsMonthlySpendLimit) {
        alarm("Api5xxAlarm", "The API answered 5xx (function errors are 502, timeouts 504)",
                api.restApi().metricServerError(MetricOptions.builder().period(PERIOD).statistic("Sum").build()),
                1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
        functions.all().forEach((function, lambda) -> alarm(function.constructId() + "ErrorsAlarm",
                function.constructId() + " failed (an exception or a timeout)",
                lambda.metricErrors(MetricOptions.builder().period(PERIOD).statistic("Sum").build()),
                1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD));
        alarm("SmsDeadLettersAlarm", "Alerts SNS could not hand to the SMS function are waiting in the dead-letter queue",
                messaging.deadLetters().metricApproximateNumberOfMessagesVisible(
                        MetricOptions.builder().period(PERIOD).statistic("Maximum").build()),
                1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
        alarm("SmsFailuresAlarm", "Less than 90% of SMS were delivered",
                snsMetric("SMSSuccessRate", "Average"),
                SMS_SUCCESS_RATE_FLOOR, ComparisonOperator.LESS_THAN_THRESHOLD);
        // SNS stops texting for the rest of the month once spend reaches the account's limit (deploy.sh
        // sets it to the same parameter): an operator must raise it or wait.
        alarm("SmsSpendAlarm", "SMS spend this month reached the SmsMonthlySpendLimit parameter: SNS stops texting",
                Metric.Builder.create().namespace("AWS/SNS").metricName("SMSMonthToDateSpentUSD")
                        .statistic("Maximum").period(Duration.hours(1)).build(),
                smsMonthlySpendLimit.getValueAsNumber().doubleValue(), ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
    }

    private Alarm alarm(String id, String description, IMetric metric, Number threshold, ComparisonOperator comparison) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(1)
                .comparisonOperator(comparison)
                // No traffic is not a failure.
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(notifyOperators);
        return alarm;
    }

    private static Metric snsMetric(String name, String statistic) {
        return Metric.Builder.create().namespace("AWS/SNS").metricName(name).statistic(statistic).period(PERIOD)
                .dimensionsMap(Map.of()).build();
    }
}
