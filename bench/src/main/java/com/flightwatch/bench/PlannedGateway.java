package com.flightwatch.bench;

import com.flightwatch.platform.Platform;
import com.flightwatch.platform.activations.ActivationRecorder;
import com.flightwatch.platform.gateway.ApiKeyLookup;
import com.flightwatch.platform.gateway.CachedApiKeyLookup;
import com.flightwatch.platform.gateway.Gateway;
import com.flightwatch.platform.gateway.GatewaySettings;
import com.flightwatch.platform.gateway.QuotaCounter;
import com.flightwatch.platform.gateway.QuotaStore;
import com.flightwatch.platform.stack.ApiKeySpec;
import com.flightwatch.platform.stack.ApiSpec;
import com.flightwatch.platform.stack.QuotaSpec;
import com.flightwatch.platform.stack.ThrottleSpec;
import com.flightwatch.platform.stack.UsagePlanSpec;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A second gateway for the stack's API on a running platform, its keys in a usage plan whose
 * throttle and quota are far above what one machine can send: every request pays for the plan's
 * checks (key bucket, stage bucket, quota count) without being refused. The stack's own plan
 * (50 requests/s a key) would turn a load test into 429s.
 */
final class PlannedGateway {

    private static final ThrottleSpec NEVER_BITES = new ThrottleSpec(1_000_000, 1_000_000);
    private static final QuotaSpec NEVER_RUNS_OUT = new QuotaSpec(Long.MAX_VALUE, QuotaSpec.Period.MONTH, 0);

    private PlannedGateway() {
    }

    static Gateway start(Vertx vertx, Platform platform) {
        Platform.RunningApi running = platform.apis().get(0);
        ApiSpec stackApi = running.spec();
        UsagePlanSpec plan = new UsagePlanSpec("BenchPlan", "bench", NEVER_BITES, Map.of(), NEVER_RUNS_OUT,
                stackApi.apiKeys().stream().map(ApiKeySpec::logicalId).toList());
        ApiSpec api = new ApiSpec(stackApi.logicalId(), stackApi.name(), stackApi.openApiJson(), stackApi.stageName(),
                stackApi.apiKeys(), List.of(plan), Map.of("/*/*", NEVER_BITES));
        ApiKeyLookup keys = new CachedApiKeyLookup(ApiKeyLookup.of(running.keys()), Duration.ofSeconds(5), Clock.systemUTC());
        // Counted in memory and flushed every second, as on the platform; the bench does not need the counts to last.
        QuotaCounter quotas = new QuotaCounter(QuotaStore.inMemory(), Clock.systemUTC(), Duration.ofSeconds(1));
        Gateway gateway = new Gateway(vertx, api, platform.invokerFor(ActivationRecorder.GATEWAY), keys, quotas,
                new GatewaySettings("127.0.0.1", 0));
        gateway.start();
        return gateway;
    }
}
