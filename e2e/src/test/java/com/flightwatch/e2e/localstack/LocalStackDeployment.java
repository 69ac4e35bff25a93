package com.flightwatch.e2e.localstack;

import com.flightwatch.platform.stack.CustomResourceSpec;
import com.flightwatch.platform.stack.FunctionSpec;
import com.flightwatch.platform.stack.StackLoader;
import com.flightwatch.platform.stack.StackSpec;
import com.flightwatch.platform.stack.SubscriptionSpec;
import com.flightwatch.platform.stack.TopicSpec;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Deploys the serverless part of the synthesized stack into LocalStack, reading {@code cdk.out}
 * with the platform's own {@link StackLoader} (so both read the template the same way), in the
 * order CloudFormation's dependencies impose: topics (the functions' environment names them),
 * functions and their aliases, the schema's custom resource (before traffic), subscriptions, then
 * the REST API with its key and usage plan. What LocalStack's community edition lacks stays out:
 * RDS (a MySQL container instead), the VPC and its endpoints, alarms, the SQS dead-letter queue,
 * schedules.
 */
final class LocalStackDeployment {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStackDeployment.class);

    private final LocalStackClients aws;
    private final URI endpoint;
    private final String region;
    private final Map<String, String> databaseEnvironment;
    private final DeployedArns arns = new DeployedArns();

    /**
     * @param endpoint            LocalStack's edge endpoint, where the REST API is served
     * @param databaseEnvironment the {@code DB_*} variables that replace the template's {@code DB_SECRET_ARN}
     */
    LocalStackDeployment(LocalStackClients aws, URI endpoint, String region, Map<String, String> databaseEnvironment) {
        this.aws = aws;
        this.endpoint = endpoint;
        this.region = region;
        this.databaseEnvironment = Map.copyOf(databaseEnvironment);
    }

    LocalStackDeployment(LocalStackContainers containers, LocalStackClients aws) {
        this(aws, containers.endpoint(), containers.region(), containers.databaseEnvironment());
    }

    /** Reads {@code cdkOut} as the platform does, for LocalStack's region, and deploys it. */
    DeployedStack deploy(Path cdkOut) {
        StackSpec stack = new StackLoader(notice -> LOG.debug("cdk.out: {}", notice)).load(cdkOut, null, region);
        if (stack.apis().size() != 1) {
            throw new DeploymentException("Expected one REST API in " + cdkOut + ", found " + stack.apis().size());
        }
        long start = System.nanoTime();
        for (TopicSpec topic : stack.topics()) {
            arns.add(topic.arn(), aws.sns().createTopic(create -> create.name(topic.name())).topicArn());
        }
        FunctionDeployer functions = new FunctionDeployer(aws.lambda(), region, arns, databaseEnvironment);
        for (FunctionSpec function : stack.functions()) {
            functions.create(function);
        }
        functions.createAliasesUsedIn(callersOf(stack));
        for (CustomResourceSpec resource : stack.customResources()) {
            functions.runCustomResource(resource);
        }
        for (SubscriptionSpec subscription : stack.subscriptions()) {
            subscribe(aws.sns(), subscription);
        }
        DeployedStack deployed = new ApiDeployer(aws.apiGateway(), endpoint, arns).deploy(stack.apis().get(0));
        LOG.info("Deployed {} functions, {} topics and API {} into LocalStack in {} s", stack.functions().size(),
                stack.topics().size(), deployed.restApiId(), (System.nanoTime() - start) / 1_000_000_000);
        return deployed;
    }

    /** Everything that calls a function by ARN, possibly through an alias: integration URIs, subscription endpoints. */
    private static String callersOf(StackSpec stack) {
        StringBuilder callers = new StringBuilder();
        stack.apis().forEach(api -> callers.append(api.openApiJson()).append('\n'));
        stack.subscriptions().forEach(subscription -> callers.append(subscription.endpoint()).append('\n'));
        return callers.toString();
    }

    private void subscribe(SnsClient sns, SubscriptionSpec subscription) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (subscription.filterPolicy() != null) {
            attributes.put("FilterPolicy", subscription.filterPolicy());
        }
        if (subscription.filterPolicyScope() != null) {
            attributes.put("FilterPolicyScope", subscription.filterPolicyScope());
        }
        sns.subscribe(subscribe -> subscribe
                .topicArn(arns.rewrite(subscription.topicArn()))
                .protocol(subscription.protocol())
                .endpoint(arns.rewrite(subscription.endpoint()))
                .attributes(attributes)
                .returnSubscriptionArn(true));
    }
}
