package com.flightwatch.platform.cli;

import com.flightwatch.platform.Platform;
import com.flightwatch.platform.gateway.ResolvedApiKey;

/** What {@code flightwatch up} prints once everything listens: where to send requests, with which key. */
final class StartupBanner {

    private final Platform platform;

    StartupBanner(Platform platform) {
        this.platform = platform;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nFlightwatch platform is up in %.1f s: stack %s, %d function(s), %d topic(s), %d API(s)%n",
                platform.startMillis() / 1000.0, platform.stack().stackName(), platform.stack().functions().size(),
                platform.stack().topics().size(), platform.apis().size()));
        for (Platform.RunningApi api : platform.apis()) {
            out.append(String.format("%n  API        %s   (%s, stage %s)%n", api.url(), api.spec().name(),
                    api.spec().stageName()));
            for (ResolvedApiKey key : api.keys()) {
                out.append(String.format("  API key    x-api-key: %s   (%s)%n", key.value(), key.name()));
            }
        }
        out.append(String.format("%n  Control    %s   (Lambda and SNS APIs; metrics at %s/metrics)%n",
                platform.controlUrl(), platform.controlUrl()));
        out.append(String.format("  Console    %s/   (functions, activations, topics, SMS outbox, API keys)%n",
                platform.controlUrl()));
        out.append(String.format("  Database   %s%n", platform.database().describe()));
        out.append(String.format("%nSend requests with the header x-api-key. Stop with Ctrl-C.%n"));
        return out.toString();
    }
}
