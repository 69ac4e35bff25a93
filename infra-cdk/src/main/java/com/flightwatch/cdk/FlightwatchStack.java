package com.flightwatch.cdk;

import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * Flightwatch on AWS: an isolated VPC without NAT, RDS MySQL with its secret, the Java functions
 * behind {@code live} aliases, the schema migrated by a custom resource, the OpenAPI-defined REST
 * API with a key and usage plan, the alerts topic with a dead-letter queue, and alarms. The local
 * platform runs the serverless part of this same template and maps or skips the rest, so every
 * setting it reads is declared here and nowhere else.
 *
 * <p>Each part is a construct of its own; this class only wires them and declares the outputs.
 */
public class FlightwatchStack extends Stack {

    public static final String STAGE_NAME = Api.STAGE_NAME;
    public static final String ALERTS_TOPIC_ARN_VARIABLE = Functions.ALERTS_TOPIC_ARN_VARIABLE;
    public static final String FLIGHTS_ARN_PLACEHOLDER = Api.FLIGHTS_ARN_PLACEHOLDER;
    public static final String ALERTS_ARN_PLACEHOLDER = Api.ALERTS_ARN_PLACEHOLDER;
    public static final String SMS_SPEND_LIMIT_PARAMETER = "SmsMonthlySpendLimit";
    /** New accounts start with a 1 USD SMS limit; raising it above that takes an AWS support case. */
    static final int DEFAULT_SMS_SPEND_LIMIT_USD = 1;

    public FlightwatchStack(Construct scope, String id, StackProps props, FlightwatchSources sources) {
        super(scope, id, props);
        DeploymentStage stage = DeploymentStage.fromContext(getNode());
        CfnParameter smsSpendLimit = CfnParameter.Builder.create(this, SMS_SPEND_LIMIT_PARAMETER)
                .type("Number")
                .minValue(1)
                .defaultValue(DEFAULT_SMS_SPEND_LIMIT_USD)
                .description("Monthly SMS spend limit in USD; deploy.sh sets the account's SNS MonthlySpendLimit to it,"
                        + " and an alarm fires when spend reaches it")
                .build();

        Network network = new Network(this, "Network");
        Database database = new Database(this, "Database", network, stage);
        Messaging messaging = new Messaging(this, "Messaging", stage);
        Functions functions = new Functions(this, "Functions", sources, network, database, messaging.alertsTopic(), stage);
        SchemaMigrations migrations = new SchemaMigrations(this, "SchemaMigrations", sources, functions, database);
        messaging.subscribeSms(functions);
        messaging.sweepEveryMinute(functions);
        messaging.keepWarmIfAsked(functions);
        Api api = new Api(this, "Api", sources, functions, stage);
        api.restApi().getNode().addDependency(migrations.resource());
        Alarms alarms = new Alarms(this, "Alarms");
        alarms.watch(api, functions, messaging, smsSpendLimit);
        outputs(api, messaging, alarms, database, stage);
    }

    private void outputs(Api api, Messaging messaging, Alarms alarms, Database database, DeploymentStage stage) {
        CfnOutput.Builder.create(this, "ApiUrl")
                .description("Base URL of the " + STAGE_NAME + " stage; every request needs the x-api-key header")
                .value(api.restApi().getUrl())
                .build();
        CfnOutput.Builder.create(this, "ApiKeyId")
                .description("Id of the client API key. Its value: aws apigateway get-api-key --api-key <this id>"
                        + " --include-value --query value --output text")
                .value(api.apiKey().getKeyId())
                .build();
        CfnOutput.Builder.create(this, "ApiKeyValueCommand")
                .description("Prints the client API key's value")
                .value(Fn.join("", List.of("aws apigateway get-api-key --api-key ", api.apiKey().getKeyId(),
                        " --include-value --query value --output text --region ", getRegion())))
                .build();
        CfnOutput.Builder.create(this, "AlertsTopicArn")
                .description("The topic the alerts function publishes each alert to")
                .value(messaging.alertsTopic().getTopicArn())
                .build();
        CfnOutput.Builder.create(this, "OperatorsTopicArn")
                .description("Alarms go here: subscribe with aws sns subscribe --protocol email --notification-endpoint <you>")
                .value(alarms.operatorsTopic().getTopicArn())
                .build();
        CfnOutput.Builder.create(this, "DatabaseSecretArn")
                .description("The database's generated credentials (" + stage.contextValue() + " stage)")
                .value(database.secret().getSecretArn())
                .build();
    }
}
