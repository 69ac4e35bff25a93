package com.flightwatch.platform.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code flightwatch}: the platform's command line, in the habits of {@code wsk} and {@code sam local}. */
@Command(
        name = "flightwatch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Runs AWS Lambda functions, SNS topics and API Gateway APIs from a CDK app on this machine.",
        subcommands = {UpCommand.class, SmsCommand.class, KeysCommand.class, ActivationsCommand.class, InvokeCommand.class,
                SchedulesCommand.class})
public final class FlightwatchCli {

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new FlightwatchCli()).setExecutionExceptionHandler(FlightwatchCli::explain);
        System.exit(cli.execute(args));
    }

    /**
     * A failure to start is the user's to fix (a port taken, a stack that does not load): say what
     * went wrong in one paragraph, not a stack trace. FLIGHTWATCH_DEBUG=1 shows the trace.
     */
    private static int explain(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        System.err.println("flightwatch " + cli.getCommandName() + ": " + e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            System.err.println("  caused by: " + cause.getMessage());
        }
        if (System.getenv("FLIGHTWATCH_DEBUG") != null) {
            e.printStackTrace();
        }
        return 1;
    }
}
