package com.flightwatch.e2e.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flightwatch.platform.stack.AwsIds;
import com.flightwatch.platform.stack.CustomResourceSpec;
import com.flightwatch.platform.stack.FunctionSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Creates the template's functions in LocalStack as CloudFormation would: handler, runtime, memory,
 * timeout, environment and the asset jar as the deployment package; the aliases callers name
 * ({@code …:live}); then runs the custom resources backed by them (the schema migrator) with a
 * {@code Create} event, before anything can send traffic.
 */
final class FunctionDeployer {

    /** LocalStack checks a role's shape, not its policies (IAM is not enforced unless asked). */
    static final String ROLE_ARN = "arn:aws:iam::000000000000:role/flightwatch-functions";
    /** On AWS the functions read the database from this secret; here they get {@code DB_*} instead. */
    private static final Set<String> CLOUD_ONLY_VARIABLES = Set.of("DB_SECRET_ARN");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaClient lambda;
    private final String region;
    private final DeployedArns arns;
    private final Map<String, String> databaseEnvironment;
    /** LocalStack's unqualified ARN of each function, by its name in the template. */
    private final Map<String, String> deployedByName = new LinkedHashMap<>();

    FunctionDeployer(LambdaClient lambda, String region, DeployedArns arns, Map<String, String> databaseEnvironment) {
        this.lambda = lambda;
        this.region = region;
        this.arns = arns;
        this.databaseEnvironment = databaseEnvironment;
    }

    /** Creates the function and waits until LocalStack has it {@code Active}. @return its ARN in LocalStack */
    String create(FunctionSpec function) {
        Map<String, String> environment = new LinkedHashMap<>(arns.rewriteValues(function.environment()));
        environment.keySet().removeAll(CLOUD_ONLY_VARIABLES);
        environment.putAll(databaseEnvironment);
        String arn = lambda.createFunction(create -> create
                .functionName(function.name())
                .handler(function.handler())
                .runtime(function.runtime())
                .memorySize(function.memoryMb())
                .timeout(function.timeoutSeconds())
                .role(ROLE_ARN)
                .environment(env -> env.variables(environment))
                .code(code -> code.zipFile(SdkBytes.fromByteArray(jar(function))))).functionArn();
        lambda.waiter().waitUntilFunctionActiveV2(get -> get.functionName(function.name()));
        arns.add(AwsIds.functionArn(region, function.name()), arn);
        deployedByName.put(function.name(), arn);
        return arn;
    }

    /**
     * Publishes a version of each function that {@code referencingText} (the OpenAPI document,
     * subscription endpoints) calls through an alias, and points that alias at it, as the stack's
     * {@code AWS::Lambda::Version} and {@code AWS::Lambda::Alias} do.
     */
    void createAliasesUsedIn(String referencingText) {
        for (String name : deployedByName.keySet()) {
            Matcher qualified = Pattern.compile(Pattern.quote(AwsIds.functionArn(region, name)) + ":([A-Za-z][A-Za-z0-9_-]*)")
                    .matcher(referencingText);
            Set<String> aliases = new TreeSet<>();
            while (qualified.find()) {
                aliases.add(qualified.group(1));
            }
            if (aliases.isEmpty()) {
                continue;
            }
            String version = lambda.publishVersion(publish -> publish.functionName(name)).version();
            lambda.waiter().waitUntilPublishedVersionActive(get -> get.functionName(name).qualifier(version));
            for (String alias : aliases) {
                lambda.createAlias(create -> create.functionName(name).name(alias).functionVersion(version));
            }
        }
    }

    /**
     * What CloudFormation does for a custom resource whose ServiceToken is one of the stack's
     * functions: invokes it with a {@code Create} event. Without a {@code ResponseURL} the function
     * returns its answer, which must be {@code SUCCESS}.
     *
     * @throws DeploymentException when the function fails or answers {@code FAILED}
     */
    void runCustomResource(CustomResourceSpec resource) {
        String functionArn = deployedByName.get(resource.functionName());
        if (functionArn == null) {
            throw new DeploymentException("Custom resource " + resource.logicalId() + " names function "
                    + resource.functionName() + ", which is not deployed");
        }
        InvokeResponse response = lambda.invoke(invoke -> invoke.functionName(functionArn)
                .payload(SdkBytes.fromByteArray(createEvent(resource, functionArn))));
        String payload = response.payload() == null ? "" : response.payload().asUtf8String();
        if (response.functionError() != null) {
            throw new DeploymentException("Custom resource " + resource.logicalId() + ": " + resource.functionName()
                    + " failed (" + response.functionError() + "): " + payload);
        }
        JsonNode answer = readJson(payload, resource);
        if (!"SUCCESS".equals(answer.path("Status").asText())) {
            throw new DeploymentException("Custom resource " + resource.logicalId() + " answered "
                    + answer.path("Status").asText("nothing") + ": " + answer.path("Reason").asText(payload));
        }
    }

    private byte[] createEvent(CustomResourceSpec resource, String functionArn) {
        ObjectNode event = JSON.createObjectNode();
        event.put("RequestType", "Create");
        event.put("ServiceToken", functionArn);
        event.put("StackId", "arn:aws:cloudformation:" + region + ":000000000000:stack/Flightwatch/" + UUID.randomUUID());
        event.put("RequestId", UUID.randomUUID().toString());
        event.put("LogicalResourceId", resource.logicalId());
        event.put("ResourceType", resource.resourceType());
        ObjectNode properties = resource.properties() instanceof ObjectNode given ? given.deepCopy() : JSON.createObjectNode();
        properties.put("ServiceToken", functionArn);
        event.set("ResourceProperties", properties);
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(String payload, CustomResourceSpec resource) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new DeploymentException("Custom resource " + resource.logicalId() + " answered no JSON: " + payload);
        }
    }

    private static byte[] jar(FunctionSpec function) {
        try {
            return Files.readAllBytes(function.codePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + function.logicalId() + "'s code " + function.codePath(), e);
        }
    }
}
