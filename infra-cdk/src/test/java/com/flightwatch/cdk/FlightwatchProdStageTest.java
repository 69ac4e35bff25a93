package com.flightwatch.cdk;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.cdk.exceptions.InvalidContextException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** {@code -c stage=prod -c keepWarm=true}: the data outlives the stack, and the API functions are kept warm. */
class FlightwatchProdStageTest {

    @TempDir
    static Path repositoryRoot;

    private static SynthesizedStack stack;
    private static Template template;

    @BeforeAll
    static void synthesize() throws IOException {
        stack = SynthesizedStack.synthesize(repositoryRoot, Path.of("..", FlightwatchSources.OPENAPI_DOCUMENT),
                Map.of("stage", "prod", "keepWarm", "true"), app -> { });
        template = stack.template;
    }

    @Test
    void database_prodStage_isProtectedAndSnapshottedOnDelete() {
        template.hasResource("AWS::RDS::DBInstance", Map.of(
                "DeletionPolicy", "Snapshot",
                "UpdateReplacePolicy", "Snapshot",
                "Properties", Match.objectLike(Map.of("DeletionProtection", true, "MultiAZ", true))));
    }

    @Test
    void keepWarm_whenAsked_pingsTheFlightsAndAlertsAliasesEveryFiveMinutes() {
        template.hasResourceProperties("AWS::Events::Rule", Map.of(
                "ScheduleExpression", "rate(5 minutes)",
                "Targets", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Arn", Map.of("Ref", stack.aliasId(FlightwatchFunction.FLIGHTS)))),
                        Match.objectLike(Map.of("Arn", Map.of("Ref", stack.aliasId(FlightwatchFunction.ALERTS))))))));
    }

    @Test
    void fromContext_unknownStage_failsNamingTheChoices() {
        App app = new App(AppProps.builder().context(Map.of("stage", "staging")).build());

        assertThatThrownBy(() -> DeploymentStage.fromContext(app.getNode()))
                .isInstanceOf(InvalidContextException.class)
                .hasMessage("-c stage=staging is not a stage: use -c stage=dev or -c stage=prod");
    }
}
