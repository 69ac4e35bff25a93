package com.flightwatch.platform.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads custom resources and keeps those a function of the stack serves. */
final class CustomResources {

    private CustomResources() {
    }

    static boolean isCustom(String type) {
        return type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource");
    }

    /** @return the resource with its ServiceToken's function name, or null when the token is not a function ARN */
    static CustomResourceSpec read(String logicalId, JsonNode resource, Intrinsics intrinsics) {
        JsonNode properties = resource.path("Properties");
        String token = intrinsics.resolveText(properties.get("ServiceToken"), logicalId + " (ServiceToken)");
        if (token == null || !token.contains(":lambda:") || !token.contains(":function:")) {
            return null;
        }
        JsonNode resolved = intrinsics.resolve(properties, logicalId + " (Properties)");
        ObjectNode withoutToken = resolved.isObject() ? ((ObjectNode) resolved).deepCopy() : null;
        if (withoutToken != null) {
            withoutToken.remove("ServiceToken");
        }
        return new CustomResourceSpec(logicalId, Template.type(resource), AwsIds.functionNameFromArn(token),
                withoutToken);
    }

    /** Only the resources whose function is in the stack: another stack's function cannot run here. */
    static List<CustomResourceSpec> backedBy(List<FunctionSpec> functions, List<CustomResourceSpec> resources) {
        Set<String> names = functions.stream().map(FunctionSpec::name).collect(Collectors.toSet());
        return resources.stream().filter(resource -> names.contains(resource.functionName())).toList();
    }
}
