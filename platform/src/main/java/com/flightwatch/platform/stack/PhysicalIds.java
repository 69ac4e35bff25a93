package com.flightwatch.platform.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * What {@code Ref} and {@code Fn::GetAtt} of a resource answer locally. Names and ARNs of the
 * resources the platform runs follow AWS's shapes; ids AWS would generate are derived from the
 * stack and logical id, so they stay the same across restarts.
 */
final class PhysicalIds {

    /** Every published version is the function's one local version: the platform runs the current code. */
    static final String LOCAL_VERSION = "1";

    private final Template template;
    private final Set<String> resolving = new HashSet<>();

    PhysicalIds(Template template) {
        this.template = template;
    }

    String stackId() {
        UUID id = UUID.nameUUIDFromBytes(template.stackName().getBytes(StandardCharsets.UTF_8));
        return "arn:aws:cloudformation:" + template.region() + ":" + AwsIds.ACCOUNT_ID + ":stack/"
                + template.stackName() + "/" + id;
    }

    /** What {@code Ref} of the resource returns. */
    String ref(String logicalId, JsonNode resource, Intrinsics intrinsics, String where) {
        enter(logicalId, where);
        try {
            switch (Template.type(resource)) {
                case "AWS::Lambda::Function":
                    return functionName(logicalId, resource, intrinsics);
                case "AWS::SNS::Topic":
                    return AwsIds.topicArn(template.region(), topicName(logicalId, resource, intrinsics));
                case "AWS::SNS::Subscription":
                    String topicArn = intrinsics.resolveText(resource.path("Properties").get("TopicArn"),
                            logicalId + " (TopicArn)");
                    return topicArn + ":" + UUID.nameUUIDFromBytes(logicalId.getBytes(StandardCharsets.UTF_8));
                case "AWS::ApiGateway::Stage":
                    return intrinsics.resolveText(resource.path("Properties").get("StageName"),
                            logicalId + " (StageName)");
                case "AWS::IAM::Role":
                    return named(logicalId, resource, "RoleName", intrinsics);
                case "AWS::Lambda::Alias":
                    return qualifiedFunctionArn(logicalId, resource, intrinsics,
                            intrinsics.resolveText(resource.path("Properties").get("Name"), logicalId + " (Name)"));
                case "AWS::Lambda::Version":
                    return qualifiedFunctionArn(logicalId, resource, intrinsics, LOCAL_VERSION);
                case "AWS::SecretsManager::SecretTargetAttachment":
                    return intrinsics.resolveText(resource.path("Properties").get("SecretId"), logicalId + " (SecretId)");
                case "AWS::SecretsManager::Secret":
                    return "arn:aws:secretsmanager:" + template.region() + ":" + AwsIds.ACCOUNT_ID + ":secret:"
                            + named(logicalId, resource, "Name", intrinsics) + "-" + shortId(logicalId).substring(0, 6);
                default:
                    return generatedId(logicalId);
            }
        } finally {
            resolving.remove(logicalId);
        }
    }

    /** What {@code Fn::GetAtt} of the resource returns, or null when the attribute has no local value. */
    String attribute(String logicalId, JsonNode resource, String attribute, Intrinsics intrinsics, String where) {
        String type = Template.type(resource);
        switch (type + "." + attribute) {
            case "AWS::Lambda::Function.Arn":
                return AwsIds.functionArn(template.region(), ref(logicalId, resource, intrinsics, where));
            case "AWS::SNS::Topic.TopicArn":
                return ref(logicalId, resource, intrinsics, where);
            case "AWS::SNS::Topic.TopicName":
                return topicName(logicalId, resource, intrinsics);
            case "AWS::ApiGateway::RestApi.RootResourceId":
                return shortId(logicalId + "/");
            case "AWS::ApiGateway::RestApi.RestApiId":
            case "AWS::ApiGateway::ApiKey.APIKeyId":
                return ref(logicalId, resource, intrinsics, where);
            case "AWS::Lambda::Version.Version":
                return LOCAL_VERSION;
            case "AWS::Lambda::Version.FunctionArn":
                return ref(logicalId, resource, intrinsics, where);
            case "AWS::RDS::DBInstance.Endpoint.Address":
                return LocalDatabase.HOST_PLACEHOLDER;
            case "AWS::RDS::DBInstance.Endpoint.Port":
                return LocalDatabase.PORT_PLACEHOLDER;
            case "AWS::IAM::Role.Arn":
                return "arn:aws:iam::" + AwsIds.ACCOUNT_ID + ":role/" + ref(logicalId, resource, intrinsics, where);
            default:
                // Resources the platform does not run still get an ARN, so policies and environment variables
                // that mention them resolve; any other attribute has no local meaning.
                return attribute.equals("Arn") ? genericArn(logicalId, type) : null;
        }
    }

    /**
     * An alias's or version's ARN: its function's ARN with the qualifier, which the gateway, the
     * topics and the schedules all take as naming that function.
     */
    private String qualifiedFunctionArn(String logicalId, JsonNode resource, Intrinsics intrinsics, String qualifier) {
        String function = intrinsics.resolveText(resource.path("Properties").get("FunctionName"), logicalId + " (FunctionName)");
        if (function == null) {
            throw new StackException(logicalId + " (" + Template.type(resource) + ") has no FunctionName");
        }
        String name = function.startsWith("arn:") ? AwsIds.functionNameFromArn(function) : function;
        return AwsIds.functionArn(template.region(), name) + ":" + qualifier;
    }

    String functionName(String logicalId, JsonNode resource, Intrinsics intrinsics) {
        return named(logicalId, resource, "FunctionName", intrinsics);
    }

    String topicName(String logicalId, JsonNode resource, Intrinsics intrinsics) {
        return named(logicalId, resource, "TopicName", intrinsics);
    }

    /** The id AWS generates for an API, key or deployment: ten lowercase letters and digits. */
    String generatedId(String logicalId) {
        return shortId(logicalId);
    }

    private String named(String logicalId, JsonNode resource, String nameProperty, Intrinsics intrinsics) {
        String name = intrinsics.resolveText(resource.path("Properties").get(nameProperty),
                logicalId + " (" + nameProperty + ")");
        return name != null ? name : logicalId;
    }

    private String genericArn(String logicalId, String type) {
        String[] parts = type.split("::");
        String service = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "unknown";
        String kind = parts.length > 2 ? parts[2].toLowerCase(Locale.ROOT) : "resource";
        return "arn:aws:" + service + ":" + template.region() + ":" + AwsIds.ACCOUNT_ID + ":" + kind + "/" + logicalId;
    }

    private void enter(String logicalId, String where) {
        if (!resolving.add(logicalId)) {
            throw new StackException(where + ": circular reference through " + logicalId);
        }
    }

    private String shortId(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((template.stackName() + "/" + seed).getBytes(StandardCharsets.UTF_8));
            String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
            StringBuilder id = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                id.append(alphabet.charAt((digest[i] & 0xff) % alphabet.length()));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
