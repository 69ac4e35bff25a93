package com.flightwatch.platform.cli;

import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flightwatch invoke FUNCTION}: one synchronous invocation through the running platform's Lambda API. */
@Command(name = "invoke", mixinStandardHelpOptions = true,
        description = "Invoke a function of the running platform and print its result (exit 1 when it failed).")
final class InvokeCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The function's name.")
    String function;

    @Option(names = "--payload", defaultValue = "{}",
            description = "The event: JSON, or @file to read it from a file. Default: ${DEFAULT-VALUE}")
    String payload;

    @Option(names = "--logs", description = "Also print the last 4 KB of the invocation's logs.")
    boolean logs;

    @Option(names = "--control-url", defaultValue = "http://127.0.0.1:3001",
            description = "The running platform's control plane. Default: ${DEFAULT-VALUE}")
    String controlUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String event = payload.startsWith("@") ? Files.readString(Path.of(payload.substring(1))) : payload;
        String path = "/2015-03-31/functions/" + URLEncoder.encode(function, StandardCharsets.UTF_8) + "/invocations";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(controlUrl + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(event));
        if (logs) {
            request.header("X-Amz-Log-Type", "Tail");
        }
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            spec.commandLine().getErr().println("No platform answers at " + controlUrl + ": start it with `flightwatch up`.");
            return 1;
        }
        if (response.statusCode() != 200) {
            spec.commandLine().getErr().println("The platform answered " + response.statusCode() + ": " + response.body());
            return 1;
        }
        spec.commandLine().getOut().println(response.body());
        if (logs) {
            response.headers().firstValue("X-Amz-Log-Result").ifPresent(tail -> spec.commandLine().getOut()
                    .print(new String(Base64.getDecoder().decode(tail), StandardCharsets.UTF_8)));
        }
        spec.commandLine().getOut().flush();
        return response.headers().firstValue("X-Amz-Function-Error").isPresent() ? 1 : 0;
    }
}
