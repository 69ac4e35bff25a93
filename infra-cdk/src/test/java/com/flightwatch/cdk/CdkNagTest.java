package com.flightwatch.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * cdk-nag's AWS Solutions rules over the whole stack, in its prod shape: no finding may be left
 * unsuppressed, and every suppression carries its reason ({@link NagSuppressionsForFlightwatch}).
 */
class CdkNagTest {

    @TempDir
    static Path repositoryRoot;

    private static Annotations annotations;

    @BeforeAll
    static void synthesizeWithNag() throws IOException {
        SynthesizedStack synthesized = SynthesizedStack.synthesize(repositoryRoot,
                Path.of("..", FlightwatchSources.OPENAPI_DOCUMENT), Map.of("stage", "prod", "keepWarm", "true"),
                app -> Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build()));
        annotations = Annotations.fromStack(synthesized.stack);
    }

    @Test
    void awsSolutionsChecks_errors_areNoneUnsuppressed() {
        assertThat(describe(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))).isEmpty();
    }

    @Test
    void awsSolutionsChecks_warnings_areNoneUnsuppressed() {
        assertThat(describe(annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")))).isEmpty();
    }

    private static List<String> describe(List<SynthesisMessage> messages) {
        return messages.stream()
                .map(message -> message.getId() + ": " + firstLine(String.valueOf(message.getEntry().getData())))
                .collect(Collectors.toList());
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
