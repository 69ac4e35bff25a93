package com.flightwatch.platform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flightwatch sms}: what the local SMS carrier received, newest last; with {@code --follow},
 * then every new message as it arrives, until Ctrl-C.
 */
@Command(name = "sms", mixinStandardHelpOptions = true, description = "List the SMS outbox of a running platform.")
final class SmsCommand implements Callable<Integer> {

    /** Remembered message ids when following: more than the 1000 the outbox answers with. */
    private static final int MAX_REMEMBERED = 5000;

    @Mixin
    ControlPlaneClient controlPlane;

    @Option(names = "--phone", description = "Only messages to this E.164 number.")
    String phone;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new messages as they arrive, until Ctrl-C.")
    boolean follow;

    @Option(names = "--interval-ms", defaultValue = "1000", hidden = true,
            description = "How often --follow asks the platform for new messages.")
    long intervalMillis;

    private final PrintStream out;

    SmsCommand() {
        this(System.out);
    }

    /** For tests, which read what a user would see. */
    SmsCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        JsonNode messages = fetch();
        if (messages == null) {
            return 1;
        }
        Set<String> seen = new LinkedHashSet<>();
        messages.forEach(sms -> print(sms, seen));
        if (!follow) {
            out.println(messages.size() + " message(s)");
            return 0;
        }
        while (!Thread.currentThread().isInterrupted()) {
            Thread.sleep(Duration.ofMillis(intervalMillis).toMillis());
            JsonNode latest = fetch();
            if (latest == null) {
                return 1;
            }
            latest.forEach(sms -> print(sms, seen));
        }
        return 0;
    }

    private void print(JsonNode sms, Set<String> seen) {
        if (!seen.add(sms.path("messageId").asText())) {
            return;
        }
        if (seen.size() > MAX_REMEMBERED) {
            seen.remove(seen.iterator().next());
        }
        int parts = sms.path("parts").size();
        String cut = parts > 1 ? "  [" + parts + " parts, " + sms.path("encoding").asText() + "]" : "";
        out.printf("%s  %-16s  %s%s%n", sms.path("timestamp").asText(), sms.path("phoneNumber").asText(),
                sms.path("message").asText(), cut);
        out.flush();
    }

    /** @return the outbox, or null after telling the user why there is none */
    private JsonNode fetch() throws IOException, InterruptedException {
        String query = phone == null ? "" : "?phoneNumber=" + ControlPlaneClient.encode(phone);
        PrintWriter err = new PrintWriter(System.err, true);
        return controlPlane.sendForJson(HttpRequest.newBuilder(controlPlane.uri("/_platform/sms" + query)).GET(), 200, err)
                .orElse(null);
    }
}
