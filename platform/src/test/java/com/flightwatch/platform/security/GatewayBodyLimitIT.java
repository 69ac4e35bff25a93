package com.flightwatch.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.flightwatch.platform.gateway.ApiKeyLookup;
import com.flightwatch.platform.gateway.Gateway;
import com.flightwatch.platform.gateway.GatewaySettings;
import com.flightwatch.platform.gateway.ResolvedApiKey;
import com.flightwatch.platform.stack.ApiKeySpec;
import com.flightwatch.platform.stack.ApiSpec;
import io.vertx.core.Vertx;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The gateway refuses a body over its limit (API Gateway's 10 MB) from the declared length, before reading it. */
class GatewayBodyLimitIT {

    private static final String KEY = "body-limit-key-0123456789abcdefghijklmn";

    @Test
    void post_declaringFiftyMegabytes_answers413BeforeTheBodyIsSent() throws Exception {
        AtomicInteger invocations = new AtomicInteger();
        Vertx vertx = Vertx.vertx();
        Gateway gateway = new Gateway(vertx, libraryApi(), (function, event) -> {
            invocations.incrementAndGet();
            throw new IllegalStateException("no function should run");
        }, ApiKeyLookup.of(List.of(new ResolvedApiKey("Library", "LibraryKey", "library", KEY, true))),
                new GatewaySettings("127.0.0.1", 0));
        try {
            int port = gateway.start();

            String response = RawRequests.headersThenWait("http://127.0.0.1:" + port, "POST", "/books",
                    "x-api-key: " + KEY + "\r\n", 50L * 1024 * 1024);

            assertThat(response).startsWith("HTTP/1.1 413").contains("{\"message\":\"Request Too Long\"}");
            assertThat(invocations).hasValue(0);
        } finally {
            gateway.close();
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static ApiSpec libraryApi() throws Exception {
        try (InputStream in = GatewayBodyLimitIT.class.getResourceAsStream("/gateway/library-api.yaml")) {
            String json = new ObjectMapper().writeValueAsString(new YAMLMapper().readTree(in));
            return new ApiSpec("LibraryApi", "library", json, "test", List.of(new ApiKeySpec("LibraryKey", "library",
                    null, true)));
        }
    }
}
