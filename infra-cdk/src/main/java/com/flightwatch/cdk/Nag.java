package com.flightwatch.cdk;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.constructs.IConstruct;

/**
 * Accepts a cdk-nag finding on one construct (and its children), always with the reason. Each
 * suppression sits next to the resource it is about; CdkNagTest fails on any finding without one.
 */
final class Nag {

    private Nag() {
    }

    static void accept(IConstruct construct, String ruleId, String reason) {
        NagSuppressions.addResourceSuppressions(construct,
                List.of(NagPackSuppression.builder().id(ruleId).reason(reason).build()), true);
    }

    /** For granular rules (IAM4, IAM5): only the listed findings, e.g. {@code Policy::arn:<AWS::Partition>:...}. */
    static void accept(IConstruct construct, String ruleId, String reason, List<String> appliesTo) {
        NagSuppressions.addResourceSuppressions(construct, List.of(NagPackSuppression.builder()
                .id(ruleId)
                .reason(reason)
                .appliesTo(List.copyOf(appliesTo))
                .build()), true);
    }
}
