package com.flightwatch.cdk;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * The Java functions, all through one helper: java21, in the isolated subnets, sized per
 * function, SnapStart on published versions, and a {@code live} alias on the current version
 * that the API, the topic and the schedules call (SnapStart only applies to published versions).
 * Each gets exactly the grants it uses.
 */
public final class Functions extends Construct {

    public static final String ALIAS_NAME = "live";
    public static final String ALERTS_TOPIC_ARN_VARIABLE = "ALERTS_TOPIC_ARN";
    public static final String DB_SECRET_ARN_VARIABLE = "DB_SECRET_ARN";

    /** C1 only: a Lambda JVM lives seconds to minutes, so fast start-up beats peak throughput. */
    static final String FAST_START_JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private final Map<FlightwatchFunction, Function> functions = new EnumMap<>(FlightwatchFunction.class);
    private final Map<FlightwatchFunction, Alias> aliases = new EnumMap<>(FlightwatchFunction.class);

    public Functions(Construct scope, String id, FlightwatchSources sources, Network network, Database database,
            ITopic alertsTopic, DeploymentStage stage) {
        super(scope, id);
        for (FlightwatchFunction function : FlightwatchFunction.values()) {
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("JAVA_TOOL_OPTIONS", FAST_START_JVM_OPTIONS);
            environment.put(DB_SECRET_ARN_VARIABLE, database.secret().getSecretArn());
            // The migrator's custom resource has brought the schema up before any traffic.
            environment.put("DB_MIGRATE", "false");
            if (function == FlightwatchFunction.ALERTS || function == FlightwatchFunction.SWEEPER) {
                environment.put(ALERTS_TOPIC_ARN_VARIABLE, alertsTopic.getTopicArn());
            }
            ISecurityGroup securityGroup = function == FlightwatchFunction.MIGRATOR
                    ? network.migratorSecurityGroup() : network.functionsSecurityGroup();
            Function lambda = javaFunction(function, sources, network, securityGroup, environment, stage);
            database.secret().grantRead(lambda);
            functions.put(function, lambda);
            if (function.servesTraffic()) {
                aliases.put(function, Alias.Builder.create(this, function.constructId() + "Live")
                        .aliasName(ALIAS_NAME)
                        .version(lambda.getCurrentVersion())
                        .build());
            }
        }
        alertsTopic.grantPublish(functions.get(FlightwatchFunction.ALERTS));
        alertsTopic.grantPublish(functions.get(FlightwatchFunction.SWEEPER));
        // An SMS publish targets a phone number, which has no ARN: excluding every SNS ARN allows
        // texting and nothing else (no publishing to topics).
        functions.get(FlightwatchFunction.SMS).addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("sns:Publish"))
                .notResources(List.of("arn:" + Stack.of(this).getPartition() + ":sns:*:*:*"))
                .build());
    }

    public Function function(FlightwatchFunction function) {
        return functions.get(function);
    }

    /** What traffic calls: the {@code live} alias; the migrator has none. */
    public IFunction live(FlightwatchFunction function) {
        Alias alias = aliases.get(function);
        if (alias == null) {
            throw new IllegalArgumentException(function + " takes no traffic and has no " + ALIAS_NAME + " alias");
        }
        return alias;
    }

    public Map<FlightwatchFunction, Function> all() {
        return Map.copyOf(functions);
    }

    private Function javaFunction(FlightwatchFunction function, FlightwatchSources sources, Network network,
            ISecurityGroup securityGroup, Map<String, String> environment, DeploymentStage stage) {
        LogGroup logs = LogGroup.Builder.create(this, function.constructId() + "Logs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(stage.dataRemovalPolicy())
                .build();
        Function.Builder builder = Function.Builder.create(this, function.constructId())
                .description(function.description())
                .runtime(Runtime.JAVA_21)
                .handler(function.handler())
                .code(Code.fromAsset(sources.jarOf(function).toString()))
                .memorySize(function.memoryMb())
                .timeout(Duration.seconds(function.timeoutSeconds()))
                .environment(environment)
                .vpc(network.vpc())
                .vpcSubnets(network.isolatedSubnets())
                .securityGroups(List.of(securityGroup))
                .logGroup(logs);
        if (function.servesTraffic()) {
            builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        Function lambda = builder.build();
        if (function.servesTraffic()) {
            Annotations.of(lambda).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                    "The live alias points at the function's current version, which CDK publishes on every code change");
        }
        Nag.accept(lambda, "AwsSolutions-L1", "java21 is the runtime the jars are built and tested for (DESIGN.md);"
                + " moving to a newer Java runtime is a deliberate upgrade, not a deploy-time default");
        Nag.accept(lambda, "AwsSolutions-IAM4", "AWS's Lambda execution policies: CloudWatch Logs for the function's"
                + " own log group and the network interfaces a function in a VPC needs; nothing else",
                List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                        "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"));
        return lambda;
    }
}
