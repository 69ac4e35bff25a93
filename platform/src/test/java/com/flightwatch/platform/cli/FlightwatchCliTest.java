package com.flightwatch.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FlightwatchCliTest {

    @TempDir
    Path empty;

    @Test
    void up_withoutCloudAssembly_exits2NamingTheDirectoryAndTheFix() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = new CommandLine(new FlightwatchCli()).execute("up", "--stack", empty.resolve("cdk.out").toString());
        } finally {
            System.setErr(originalErr);
        }

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cdk.out").contains("cdk synth");
    }

    @Test
    void up_withUnknownLogFormat_exits2NamingTheOption() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = new CommandLine(new FlightwatchCli()).execute("up", "--log-format", "xml",
                    "--stack", empty.resolve("cdk.out").toString());
        } finally {
            System.setErr(originalErr);
        }

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--log-format must be text or json, not xml");
    }

    @Test
    void help_listsTheSubcommands() {
        String usage = new CommandLine(new FlightwatchCli()).getUsageMessage();

        assertThat(usage).contains("up").contains("sms");
    }
}
