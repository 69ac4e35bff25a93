package com.flightwatch.platform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flightwatch activations poll}: prints activations as they finish, one line each, until
 * Ctrl-C, like {@code wsk activation poll}. See {@link ActivationCursor} for why none is missed or
 * printed twice.
 */
@Command(name = "poll", mixinStandardHelpOptions = true,
        description = "Print new activations as they finish (time, id, function, status, duration), until Ctrl-C.")
final class ActivationPollCommand extends ActivationsCommand.ActivationsCall {

    /** How far back each query reaches past the newest activation shown: far more than a record takes to be stored. */
    static final Duration LOOKBACK = Duration.ofSeconds(3);
    private static final int PAGE = 200;
    /** Pages per poll at most: a bound on one poll's work when activations pour in. */
    private static final int MAX_PAGES = 25;

    @Option(names = "--function", description = "Only this function's activations.")
    String function;

    @Option(names = "--since", converter = SinceConverter.class,
            description = "Start with the activations that ended since then (10m, 2h back from now, or an ISO-8601"
                    + " time). Default: from now on.")
    Instant since;

    @Option(names = "--logs", description = "Print each activation's logs under its line.")
    boolean logs;

    @Option(names = "--interval", defaultValue = "1s", converter = DurationConverter.class,
            description = "How often to ask the platform. Default: ${DEFAULT-VALUE}")
    Duration interval;

    @Override
    public Integer call() throws Exception {
        ActivationCursor cursor = new ActivationCursor(since == null ? Instant.now() : since, LOOKBACK);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                List<JsonNode> answer = fetch(cursor.since());
                if (answer == null) {
                    return 1;
                }
                for (JsonNode activation : cursor.accept(answer)) {
                    print(activation);
                }
                outWriter().flush();
                Thread.sleep(interval.toMillis());
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** @return every activation that ended since {@code from}, a page at a time; null when the platform did not answer */
    private List<JsonNode> fetch(Instant from) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            String body = get(query(PAGE, function, null, from, page * PAGE));
            if (body == null) {
                return null;
            }
            JsonNode activations = ActivationsCommand.JSON.readTree(body);
            activations.forEach(all::add);
            if (activations.size() < PAGE) {
                break;
            }
        }
        return all;
    }

    private void print(JsonNode activation) throws Exception {
        outWriter().println(ActivationLine.format(activation));
        if (logs) {
            String text = get("/" + encode(activation.path("activationId").asText()) + "/logs");
            if (text != null && !text.isEmpty()) {
                text.lines().forEach(line -> outWriter().println("    " + line));
            }
        }
    }
}
