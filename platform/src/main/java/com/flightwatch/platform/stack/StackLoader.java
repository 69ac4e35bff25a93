package com.flightwatch.platform.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the serverless part of a stack that {@code cdk synth} wrote: its functions, topics,
 * subscriptions, schedules and OpenAPI-defined REST APIs, every intrinsic resolved to its local
 * value. Aliases and versions are mapped to their function; everything else (network, RDS and its
 * secret, alarms, queues, log groups, custom resources) is skipped, with one notice per resource type.
 */
public final class StackLoader {

    private static final Logger LOG = LoggerFactory.getLogger(StackLoader.class);

    /** Read by the API reader (stage name, key bindings) but not run on their own. */
    private static final Set<String> FOLDED_INTO_APIS = Set.of(
            "AWS::ApiGateway::Stage", "AWS::ApiGateway::Deployment", "AWS::ApiGateway::ApiKey",
            "AWS::ApiGateway::UsagePlan", "AWS::ApiGateway::UsagePlanKey");

    private final Consumer<String> notices;

    /** Notices go to the log. */
    public StackLoader() {
        this(LOG::info);
    }

    /** @param notices receives the "skipping N TYPE (why)" lines, e.g. to print them */
    public StackLoader(Consumer<String> notices) {
        this.notices = notices;
    }

    /**
     * @param cdkOut          the cloud assembly directory
     * @param stackNameOrNull the stack to load (stack name or construct id); null when the assembly has only one
     * @param region          the region pseudo parameters and ARNs resolve to; null for {@link AwsIds#DEFAULT_REGION}
     * @throws StackException when the assembly or template cannot run locally; the message says why and where
     */
    public StackSpec load(Path cdkOut, String stackNameOrNull, String region) {
        CloudAssembly assembly = CloudAssembly.open(cdkOut);
        StackArtifact artifact = assembly.select(stackNameOrNull);
        Template template = new Template(artifact.stackName(), region != null ? region : AwsIds.DEFAULT_REGION,
                JsonFiles.read(artifact.templateFile()));
        PhysicalIds physicalIds = new PhysicalIds(template);
        Intrinsics intrinsics = new Intrinsics(template, physicalIds);
        AssetLocator assets = new AssetLocator(StackAssets.read(cdkOut, artifact.assetsFile()), intrinsics);
        Map<String, JsonNode> resources = activeResources(template, intrinsics);

        FunctionReader functionReader = new FunctionReader(intrinsics, physicalIds, assets);
        SnsReader snsReader = new SnsReader(template, intrinsics, physicalIds);
        EventsReader eventsReader = new EventsReader(intrinsics, notices);
        List<ScheduleSpec> schedules = new ArrayList<>();
        ApiReader apiReader = new ApiReader(intrinsics, physicalIds, assets, resources);
        List<FunctionSpec> functions = new ArrayList<>();
        List<TopicSpec> topics = new ArrayList<>();
        List<SubscriptionSpec> subscriptions = new ArrayList<>();
        List<ApiSpec> apis = new ArrayList<>();
        List<CustomResourceSpec> customResources = new ArrayList<>();
        SkippedResources skipped = new SkippedResources();
        ProvisionedConcurrency provisioned = new ProvisionedConcurrency(intrinsics);
        resources.forEach((logicalId, resource) -> {
            String type = Template.type(resource);
            switch (type) {
                case "AWS::Lambda::Function" -> functions.add(functionReader.read(logicalId, resource));
                case "AWS::SNS::Topic" -> topics.add(snsReader.topic(logicalId, resource));
                case "AWS::SNS::Subscription" -> subscriptions.add(snsReader.subscription(logicalId, resource));
                case "AWS::Events::Rule" -> {
                    ScheduleSpec schedule = eventsReader.rule(logicalId, resource);
                    if (schedule != null) {
                        schedules.add(schedule);
                    }
                }
                case "AWS::ApiGateway::RestApi" -> apis.add(apiReader.read(logicalId, resource));
                case "AWS::Lambda::Alias", "AWS::Lambda::Version" -> {
                    provisioned.read(logicalId, resource);
                    skipped.mapped(type);
                }
                default -> {
                    CustomResourceSpec custom = CustomResources.isCustom(type)
                            ? CustomResources.read(logicalId, resource, intrinsics) : null;
                    if (custom != null) {
                        customResources.add(custom);
                        skipped.mapped(type);
                    } else if (!FOLDED_INTO_APIS.contains(type)) {
                        skipped.add(type);
                    }
                }
            }
        });
        skipped.notices().forEach(notices);
        skipped.silentNotices().forEach(LOG::debug);
        return new StackSpec(artifact.stackName(), provisioned.applyTo(functions), topics, subscriptions, apis, schedules,
                CustomResources.backedBy(functions, customResources));
    }

    /** The resources whose {@code Condition} holds (all of them in a template without conditions). */
    private static Map<String, JsonNode> activeResources(Template template, Intrinsics intrinsics) {
        Map<String, JsonNode> active = new LinkedHashMap<>();
        template.resources().forEach((logicalId, resource) -> {
            JsonNode condition = resource.get("Condition");
            if (condition == null || intrinsics.conditionIsTrue(condition.asText(), logicalId + " (Condition)")) {
                active.put(logicalId, resource);
            }
        });
        return active;
    }
}
