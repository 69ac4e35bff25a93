package com.flightwatch.platform.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code flightwatch}: the platform's command line, in the habits of {@code wsk} and {@code sam local}. */
@Command(
        name = "flightwatch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Runs AWS Lambda functions, SNS topics and API Gateway APIs from a CDK app on this machine.",
        subcommands = {UpCommand.class, SmsCommand.class})
public final class FlightwatchCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new FlightwatchCli()).execute(args));
    }
}
