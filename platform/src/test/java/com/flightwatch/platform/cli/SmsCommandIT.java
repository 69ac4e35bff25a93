package com.flightwatch.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.control.ControlPlaneHarness;
import com.flightwatch.platform.sns.Eventually;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code flightwatch sms} against a running control plane: the outbox, parts, and {@code --follow}. */
class SmsCommandIT {

    private static ControlPlaneHarness platform;

    @BeforeAll
    static void startPlatform() {
        platform = new ControlPlaneHarness("sms-command");
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    @Test
    void sms_withLongMessage_printsItWithItsParts() {
        platform.client.publish(r -> r.phoneNumber("+15550100001").message("x".repeat(200)));
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int exit = new CommandLine(new SmsCommand(new PrintStream(output, true, StandardCharsets.UTF_8)))
                .execute("--control-url", platform.baseUrl(), "--phone", "+15550100001");

        assertThat(exit).isZero();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("+15550100001").contains("[2 parts, GSM7]")
                .contains("1 message(s)");
    }

    @Test
    void sms_withFollow_printsMessagesPublishedAfterItStarted() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        ExecutorService cli = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> following = cli.submit(() -> new CommandLine(new SmsCommand(out))
                    .execute("--control-url", platform.baseUrl(), "--phone", "+15550100002", "--follow", "--interval-ms", "100"));
            platform.client.publish(r -> r.phoneNumber("+15550100002").message("Gate changed to B12"));

            Eventually.await(Duration.ofSeconds(10), "the followed message to be printed",
                    () -> output.toString(StandardCharsets.UTF_8).contains("Gate changed to B12"));
            platform.client.publish(r -> r.phoneNumber("+15550100002").message("Boarding now"));
            Eventually.await(Duration.ofSeconds(10), "the second message to be printed",
                    () -> output.toString(StandardCharsets.UTF_8).contains("Boarding now"));
            assertThat(following.isDone()).as("still following").isFalse();
            assertThat(output.toString(StandardCharsets.UTF_8).split("Gate changed to B12", -1)).as("printed once").hasSize(2);
        } finally {
            cli.shutdownNow();
        }
    }
}
