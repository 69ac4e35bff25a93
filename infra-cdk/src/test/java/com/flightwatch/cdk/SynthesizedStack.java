package com.flightwatch.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/**
 * The Flightwatch stack synthesized in this JVM, with the context cdk.json gives the CLI, plus
 * the look-ups the tests share: logical ids by what a resource is, not by CDK's hashed names.
 */
final class SynthesizedStack {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    static final Path MIGRATIONS_DIRECTORY = Path.of("..", FlightwatchSources.MIGRATIONS_DIRECTORY);

    final Template template;
    final FlightwatchStack stack;
    private final Map<String, Object> json;

    private SynthesizedStack(Template template, FlightwatchStack stack) {
        this.template = template;
        this.stack = stack;
        this.json = template.toJSON();
    }

    /** Synthesizes from stand-in jars written under {@code repositoryRoot}, the given OpenAPI document and the real migrations. */
    static SynthesizedStack synthesize(Path repositoryRoot, Path openApiDocument) throws IOException {
        return synthesize(repositoryRoot, openApiDocument, Map.of(), app -> { });
    }

    /**
     * @param extraContext {@code -c} values on top of cdk.json's
     * @param beforeSynth  e.g. adds cdk-nag's aspect, which must be in place before synthesis
     */
    static SynthesizedStack synthesize(Path repositoryRoot, Path openApiDocument, Map<String, Object> extraContext,
            Consumer<App> beforeSynth) throws IOException {
        FlightwatchSources sources = new FlightwatchSources(
                TestJars.writeFunctionJar(repositoryRoot, FlightwatchFunction.FLIGHTS),
                TestJars.writeFunctionJar(repositoryRoot, FlightwatchFunction.ALERTS),
                TestJars.writeFunctionJar(repositoryRoot, FlightwatchFunction.SMS),
                TestJars.writeFunctionJar(repositoryRoot, FlightwatchFunction.MIGRATOR),
                openApiDocument,
                MIGRATIONS_DIRECTORY);
        Map<String, Object> context = new HashMap<>(CdkJsonContext.read());
        context.putAll(extraContext);
        App app = new App(AppProps.builder().context(context).build());
        FlightwatchStack flightwatch = new FlightwatchStack(app, FlightwatchApp.STACK_ID, StackProps.builder().build(), sources);
        beforeSynth.accept(app);
        return new SynthesizedStack(Template.fromStack(flightwatch), flightwatch);
    }

    interface OperationVisitor {
        void visit(String path, String method, Map<String, Object> operation);
    }

    void forEachOperation(OperationVisitor visitor) {
        Map<String, Object> paths = child(apiBody(), "paths");
        assertThat(paths).isNotEmpty();
        for (String path : paths.keySet()) {
            Map<String, Object> pathItem = child(paths, path);
            for (String method : pathItem.keySet()) {
                if (HTTP_METHODS.contains(method)) {
                    visitor.visit(path, method, child(pathItem, method));
                }
            }
        }
    }

    Map<String, Object> apiBody() {
        return child(child(resource(onlyId("AWS::ApiGateway::RestApi")), "Properties"), "Body");
    }

    Map<String, Object> environmentOf(FlightwatchFunction function) {
        return child(child(child(resource(functionId(function)), "Properties"), "Environment"), "Variables");
    }

    String functionId(FlightwatchFunction function) {
        return onlyKey(template.findResources("AWS::Lambda::Function",
                Map.of("Properties", Map.of("Handler", function.handler()))));
    }

    /** The logical id of the function's {@code live} alias. */
    String aliasId(FlightwatchFunction function) {
        return onlyKey(template.findResources("AWS::Lambda::Alias", Map.of("Properties", Map.of(
                "FunctionName", Map.of("Ref", functionId(function)), "Name", "live"))));
    }

    String roleIdOf(FlightwatchFunction function) {
        Map<String, Object> role = child(child(resource(functionId(function)), "Properties"), "Role");
        return (String) list(role.get("Fn::GetAtt")).get(0);
    }

    /** The logical id of the one resource of this type; fails if there are none or several. */
    String onlyId(String type) {
        return onlyKey(template.findResources(type));
    }

    Map<String, Object> resource(String logicalId) {
        return child(child(json, "Resources"), logicalId);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> child(Object parent, String key) {
        Object value = ((Map<String, Object>) parent).get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<T>) value;
    }

    private static String onlyKey(Map<String, ?> resources) {
        assertThat(resources).hasSize(1);
        return resources.keySet().iterator().next();
    }
}
