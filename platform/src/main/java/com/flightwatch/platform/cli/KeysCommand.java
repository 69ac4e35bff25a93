package com.flightwatch.platform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flightwatch keys list|create|disable}: the API keys of a running platform, through its
 * control plane's {@code /_platform/keys}. A created key's value is printed once: only its hash is kept.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "List, create or disable the API keys of a running platform.",
        subcommands = {KeysCommand.ListKeys.class, KeysCommand.CreateKey.class, KeysCommand.DisableKey.class})
final class KeysCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What every keys subcommand shares: the control plane. */
    abstract static class ControlPlaneCall implements Callable<Integer> {

        @Mixin
        ControlPlaneClient controlPlane;

        @Spec
        CommandSpec spec;

        /** @return the answer's JSON, or null after printing why there is none */
        JsonNode call(HttpRequest.Builder request, int expectedStatus) throws IOException, InterruptedException {
            return controlPlane.sendForJson(request, expectedStatus, spec.commandLine().getErr()).orElse(null);
        }

        URI uri(String path) {
            return controlPlane.uri(path);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the stack's API keys.")
    static final class ListKeys extends ControlPlaneCall {
        @Override
        public Integer call() throws Exception {
            JsonNode keys = call(HttpRequest.newBuilder(uri("/_platform/keys?includeValues=true")).GET(), 200);
            if (keys == null) {
                return 1;
            }
            for (JsonNode key : keys) {
                System.out.printf("%-32s %-9s %-24s %s%n", key.path("id").asText(),
                        key.path("enabled").asBoolean() ? "enabled" : "disabled",
                        key.path("usagePlanId").isNull() ? "(template)" : key.path("usagePlanId").asText(),
                        key.has("value") ? key.path("value").asText() : "(value shown only when created)");
            }
            System.out.println(keys.size() + " key(s)");
            return 0;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an API key in a usage plan; its value is printed once.")
    static final class CreateKey extends ControlPlaneCall {
        @Parameters(index = "0", description = "The key's name (letters, digits, '.', '_', '-').")
        String name;

        @Option(names = "--usage-plan", description = "The usage plan's logical id; needed when the stack has several.")
        String usagePlan;

        @Override
        public Integer call() throws Exception {
            ObjectNode request = JSON.createObjectNode().put("name", name);
            if (usagePlan != null) {
                request.put("usagePlanId", usagePlan);
            }
            String body = request.toString();
            JsonNode key = call(HttpRequest.newBuilder(uri("/_platform/keys"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), 201);
            if (key == null) {
                return 1;
            }
            System.out.printf("Created API key %s in usage plan %s%nx-api-key: %s%n(only its hash is kept: copy it now)%n",
                    key.path("id").asText(), key.path("usagePlanId").asText(), key.path("value").asText());
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable an API key (within seconds).")
    static final class DisableKey extends ControlPlaneCall {
        @Parameters(index = "0", description = "The key's id, as `flightwatch keys list` shows it.")
        String id;

        @Override
        public Integer call() throws Exception {
            String path = "/_platform/keys/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "/disable";
            JsonNode answer = call(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), 200);
            if (answer == null) {
                return 1;
            }
            System.out.println("Disabled API key " + id);
            return 0;
        }
    }
}
