package com.flightwatch.platform.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.flightwatch.platform.stack.ApiKeySpec;
import com.flightwatch.platform.stack.ApiSpec;
import com.flightwatch.platform.stack.ThrottleSpec;
import com.flightwatch.platform.stack.UsagePlanSpec;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Starts a {@link Gateway} for the library API fixture on a free port, with a scripted invoker and
 * in-memory keys, and sends it real HTTP requests.
 */
final class GatewayHarness implements AutoCloseable {

    static final String STAGE = "test";
    static final String KEY = "library-key-0123456789abcdefghijklmnopqr";
    static final String DISABLED_KEY = "disabled-key-0123456789abcdefghijklmno";
    static final String OTHER_APIS_KEY = "other-key-0123456789abcdefghijklmnopqrs";
    /** A key of this API that no usage plan lists. */
    static final String UNPLANNED_KEY = "unplanned-key-0123456789abcdefghijklmn";
    /** A key made by {@code flightwatch keys create} in the usage plan "Plan". */
    static final String CLI_KEY = "cli-key-0123456789abcdefghijklmnopqrstuv";
    /** A second key of this API, for plans with several keys. */
    static final String PARTNER_KEY = "partner-key-0123456789abcdefghijklmnopq";

    private static final ObjectMapper JSON = new ObjectMapper();

    final ScriptedInvoker invoker = new ScriptedInvoker();
    private final Vertx vertx = Vertx.vertx();
    private final Gateway gateway;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    /** @param editDocument changes the fixture document before the gateway reads it */
    GatewayHarness(Consumer<ObjectNode> editDocument, GatewaySettings settings) {
        this(editDocument, settings, List.of(), Map.of(), null);
    }

    /**
     * A gateway whose API has these usage plans and stage throttles.
     *
     * @param quotas counts the plans' quotas; null for the gateway's own in-memory counter
     */
    GatewayHarness(Consumer<ObjectNode> editDocument, GatewaySettings settings, List<UsagePlanSpec> usagePlans,
                   Map<String, ThrottleSpec> stageThrottles, QuotaCounter quotas) {
        ObjectNode document = libraryApi();
        editDocument.accept(document);
        ApiSpec api = new ApiSpec("LibraryApi", "library", document.toString(), STAGE, List.of(
                new ApiKeySpec("LibraryKey", "library", null, true),
                new ApiKeySpec("DisabledKey", "disabled", null, false),
                new ApiKeySpec("PartnerKey", "partner", null, true),
                new ApiKeySpec("UnplannedKey", "unplanned", null, true)), usagePlans, stageThrottles);
        ApiKeyLookup keys = ApiKeyLookup.of(List.of(
                new ResolvedApiKey("Library", "LibraryKey", "library", KEY, true),
                new ResolvedApiKey("Library", "DisabledKey", "disabled", DISABLED_KEY, false),
                new ResolvedApiKey("Library", "PartnerKey", "partner", PARTNER_KEY, true),
                new ResolvedApiKey("Library", "UnplannedKey", "unplanned", UNPLANNED_KEY, true),
                new ResolvedApiKey("Library", "OtherApisKey", "other", OTHER_APIS_KEY, true),
                new ResolvedApiKey("Library", "ops", "ops", CLI_KEY, true, "Plan")));
        gateway = new Gateway(vertx, api, invoker, keys, quotas, settings);
        baseUrl = "http://127.0.0.1:" + gateway.start();
    }

    GatewayHarness() {
        this(document -> { }, new GatewaySettings("127.0.0.1", 0));
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode libraryApi() {
        try (InputStream in = GatewayHarness.class.getResourceAsStream("/gateway/library-api.yaml")) {
            return (ObjectNode) JSON.valueToTree(new YAMLMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        gateway.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
