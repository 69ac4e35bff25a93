package com.flightwatch.platform.cli;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    ControlPlaneClient controlPlane;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String event = payload.startsWith("@") ? Files.readString(Path.of(payload.substring(1))) : payload;
        String path = "/2015-03-31/functions/" + ControlPlaneClient.encode(function) + "/invocations";
        HttpRequest.Builder request = HttpRequest.newBuilder(controlPlane.uri(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(event));
        if (logs) {
            request.header("X-Amz-Log-Type", "Tail");
        }
        Optional<HttpResponse<String>> answer = controlPlane.send(request, 200, spec.commandLine().getErr());
        if (answer.isEmpty()) {
            return 1;
        }
        HttpResponse<String> response = answer.get();
        spec.commandLine().getOut().println(response.body());
        if (logs) {
            response.headers().firstValue("X-Amz-Log-Result").ifPresent(tail -> spec.commandLine().getOut()
                    .print(new String(Base64.getDecoder().decode(tail), StandardCharsets.UTF_8)));
        }
        spec.commandLine().getOut().flush();
        return response.headers().firstValue("X-Amz-Function-Error").isPresent() ? 1 : 0;
    }
}
