package com.flightwatch.cdk;

import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: one stack, {@code Flightwatch}. Run by the CDK CLI from the infra-cdk directory
 * (see cdk.json), which is where the stack's sources are resolved from.
 */
public final class FlightwatchApp {

    public static final String STACK_ID = "Flightwatch";

    private FlightwatchApp() {
    }

    public static void main(String[] args) {
        App app = new App(AppProps.builder().outdir(outdir()).build());
        new FlightwatchStack(app, STACK_ID,
                StackProps.builder().description("Flightwatch: SMS alerts for delayed and cancelled flights").build(),
                FlightwatchSources.besideInfraDirectory(Path.of("")));
        app.synth();
    }

    /** The CLI says where to write; run without it, the App would pick a temporary directory. */
    private static String outdir() {
        String fromCli = System.getenv("CDK_OUTDIR");
        return fromCli != null ? fromCli : "cdk.out";
    }
}
