package com.flightwatch.platform.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads an {@code AWS::ApiGateway::RestApi} defined by an OpenAPI document, with the stage it is
 * deployed to, the API keys that may call it and its usage plans ({@link UsagePlanReader}).
 */
final class ApiReader {

    /** CDK's default stage name, for an API the template never deploys. */
    static final String DEFAULT_STAGE = "prod";

    private final Intrinsics intrinsics;
    private final PhysicalIds physicalIds;
    private final AssetLocator assets;
    private final Map<String, JsonNode> resources;

    /** @param resources every resource of the stack whose condition holds, by logical id */
    ApiReader(Intrinsics intrinsics, PhysicalIds physicalIds, AssetLocator assets, Map<String, JsonNode> resources) {
        this.intrinsics = intrinsics;
        this.physicalIds = physicalIds;
        this.assets = assets;
        this.resources = resources;
    }

    ApiSpec read(String logicalId, JsonNode resource) {
        JsonNode properties = resource.path("Properties");
        String name = intrinsics.resolveText(properties.get("Name"), logicalId + " (Name)");
        String apiId = physicalIds.ref(logicalId, resource, intrinsics, logicalId);
        UsagePlanReader plans = new UsagePlanReader(intrinsics, physicalIds, resources);
        return new ApiSpec(logicalId, name != null ? name : logicalId, openApiJson(logicalId, resource),
                stageName(apiId), apiKeys(apiId), plans.usagePlans(apiId), plans.stageThrottles(apiId));
    }

    private String openApiJson(String logicalId, JsonNode resource) {
        JsonNode properties = resource.path("Properties");
        JsonNode body = properties.get("Body");
        if (body != null) {
            JsonNode resolved = intrinsics.resolve(body, logicalId + " (Body)");
            JsonNode document = resolved.isTextual()
                    ? JsonFiles.readJsonOrYaml(resolved.asText(), logicalId + " (Body)")
                    : resolved;
            return JsonFiles.write(document);
        }
        JsonNode location = properties.get("BodyS3Location");
        if (location != null) {
            Path file = assets.locate(logicalId, resource, "BodyS3Location", location.get("Key"));
            try {
                // CloudFormation does not resolve intrinsics inside a document it reads from S3, so neither do we.
                return JsonFiles.write(JsonFiles.readJsonOrYaml(Files.readString(file), file.toString()));
            } catch (IOException e) {
                throw new StackException(logicalId + " (BodyS3Location): cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        throw new StackException("RestApi " + logicalId + " has neither Body nor BodyS3Location: only APIs defined by"
                + " an OpenAPI document (SpecRestApi) run locally");
    }

    private String stageName(String apiId) {
        String fromDeployment = null;
        for (Map.Entry<String, JsonNode> entry : resources.entrySet()) {
            String type = Template.type(entry.getValue());
            JsonNode properties = entry.getValue().path("Properties");
            boolean stage = type.equals("AWS::ApiGateway::Stage");
            boolean deployment = type.equals("AWS::ApiGateway::Deployment") && properties.has("StageName");
            if ((stage || deployment) && apiId.equals(resolve(properties, "RestApiId", entry.getKey()))) {
                String name = resolve(properties, "StageName", entry.getKey());
                if (stage) {
                    return name;
                }
                fromDeployment = name;
            }
        }
        return fromDeployment != null ? fromDeployment : DEFAULT_STAGE;
    }

    /**
     * The keys bound to this API through a usage plan or the key's StageKeys. A template that binds
     * no key to anything gets all its keys on every API, so a key is still required and usable.
     */
    private List<ApiKeySpec> apiKeys(String apiId) {
        Set<String> boundKeyIds = new HashSet<>();
        boolean anyBinding = false;
        for (Map.Entry<String, JsonNode> entry : resources.entrySet()) {
            String id = entry.getKey();
            JsonNode properties = entry.getValue().path("Properties");
            switch (Template.type(entry.getValue())) {
                case "AWS::ApiGateway::UsagePlanKey":
                    anyBinding = true;
                    String planId = resolve(properties, "UsagePlanId", id);
                    if (planId != null && planServes(planId, apiId)) {
                        boundKeyIds.add(resolve(properties, "KeyId", id));
                    }
                    break;
                case "AWS::ApiGateway::ApiKey":
                    for (JsonNode stageKey : properties.path("StageKeys")) {
                        anyBinding = true;
                        if (apiId.equals(intrinsics.resolveText(stageKey.get("RestApiId"), id + " (StageKeys)"))) {
                            boundKeyIds.add(physicalIds.ref(id, entry.getValue(), intrinsics, id));
                        }
                    }
                    break;
                default:
                    break;
            }
        }
        List<ApiKeySpec> keys = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : resources.entrySet()) {
            if (Template.type(entry.getValue()).equals("AWS::ApiGateway::ApiKey")) {
                String keyId = physicalIds.ref(entry.getKey(), entry.getValue(), intrinsics, entry.getKey());
                if (!anyBinding || boundKeyIds.contains(keyId)) {
                    keys.add(apiKey(entry.getKey(), entry.getValue().path("Properties")));
                }
            }
        }
        return keys;
    }

    private boolean planServes(String planId, String apiId) {
        for (Map.Entry<String, JsonNode> entry : resources.entrySet()) {
            JsonNode plan = entry.getValue();
            if (Template.type(plan).equals("AWS::ApiGateway::UsagePlan")
                    && planId.equals(physicalIds.ref(entry.getKey(), plan, intrinsics, entry.getKey()))) {
                for (JsonNode apiStage : plan.path("Properties").path("ApiStages")) {
                    if (apiId.equals(intrinsics.resolveText(apiStage.get("ApiId"), entry.getKey() + " (ApiStages)"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private ApiKeySpec apiKey(String logicalId, JsonNode properties) {
        String name = resolve(properties, "Name", logicalId);
        String value = resolve(properties, "Value", logicalId);
        // CloudFormation's default for Enabled is false; CDK always writes it out.
        boolean enabled = Boolean.parseBoolean(Objects.requireNonNullElse(resolve(properties, "Enabled", logicalId), "false"));
        return new ApiKeySpec(logicalId, name != null ? name : logicalId, value, enabled);
    }

    private String resolve(JsonNode properties, String property, String logicalId) {
        return intrinsics.resolveText(properties.get(property), logicalId + " (" + property + ")");
    }
}
