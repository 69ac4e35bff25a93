package com.flightwatch.platform.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flightwatch.platform.Platform;
import com.flightwatch.platform.gateway.ApiKeyAdmin;
import com.flightwatch.platform.gateway.QuotaStore;
import com.flightwatch.platform.gateway.QuotaUsageKey;
import com.flightwatch.platform.gateway.ResolvedApiKey;
import com.flightwatch.platform.stack.ApiSpec;
import com.flightwatch.platform.stack.QuotaSpec;
import com.flightwatch.platform.stack.ThrottleSpec;
import com.flightwatch.platform.stack.UsagePlanSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code GET /_platform/console/api}: each API of the stack with its URL, routes, usage plans, and its
 * keys with their usage against the plan's quota in the current period. Key values are masked (the
 * first four characters); the usage is what the gateway has stored, which trails its count by at
 * most its flush interval (a second).
 */
final class ApiView {

    private final String stackName;
    private final List<ApiSpec> apis;
    private final ApiKeyAdmin keys;
    private final QuotaStore quotas;
    private final Supplier<List<Platform.RunningApi>> runningApis;
    private final Clock clock;

    ApiView(String stackName, List<ApiSpec> apis, ApiKeyAdmin keys, QuotaStore quotas,
            Supplier<List<Platform.RunningApi>> runningApis, Clock clock) {
        this.stackName = stackName;
        this.apis = apis;
        this.keys = keys;
        this.quotas = quotas;
        this.runningApis = runningApis;
        this.clock = clock;
    }

    /** Blocks on the database: call it off the event loop. */
    ArrayNode json() {
        List<ResolvedApiKey> stackKeys = keys.list(stackName);
        Map<String, String> urls = runningApis.get().stream()
                .collect(Collectors.toMap(running -> running.spec().logicalId(), Platform.RunningApi::url, (a, b) -> a));
        Instant now = clock.instant();
        ArrayNode json = ConsoleJson.JSON.createArrayNode();
        for (ApiSpec api : apis) {
            ObjectNode node = json.addObject()
                    .put("name", api.name())
                    .put("logicalId", api.logicalId())
                    .put("stage", api.stageName())
                    .put("url", urls.get(api.logicalId()));
            ArrayNode routes = node.putArray("routes");
            ApiRoutesReader.routes(api.openApiJson()).forEach(route -> routes.addObject()
                    .put("method", route.method()).put("path", route.path())
                    .put("function", route.function()).put("apiKeyRequired", route.apiKeyRequired()));
            ArrayNode plans = node.putArray("usagePlans");
            api.usagePlans().forEach(plan -> plans.add(plan(plan)));
            ArrayNode keyRows = node.putArray("keys");
            for (ResolvedApiKey key : stackKeys) {
                Optional<UsagePlanSpec> plan = planOf(api, key);
                if (plan.isPresent() || api.usagePlans().isEmpty()) {
                    keyRows.add(key(key, plan.orElse(null), now));
                }
            }
        }
        return json;
    }

    private static Optional<UsagePlanSpec> planOf(ApiSpec api, ResolvedApiKey key) {
        return api.usagePlans().stream()
                .filter(plan -> key.usagePlanId() != null ? plan.logicalId().equals(key.usagePlanId())
                        : plan.keyLogicalIds().contains(key.logicalId()))
                .findFirst();
    }

    private ObjectNode key(ResolvedApiKey key, UsagePlanSpec plan, Instant now) {
        ObjectNode json = ConsoleJson.JSON.createObjectNode()
                .put("id", key.logicalId())
                .put("name", key.name())
                .put("enabled", key.enabled())
                .put("value", Masking.apiKey(key.value()))
                .put("usagePlanId", plan == null ? null : plan.logicalId());
        if (plan != null && plan.quota() != null) {
            QuotaSpec quota = plan.quota();
            QuotaWindow window = QuotaWindow.of(quota, now);
            long used = quotas.used(new QuotaUsageKey(stackName, plan.logicalId(), key.logicalId(), window.start()));
            json.putObject("usage")
                    .put("used", used)
                    .put("limit", quota.limit())
                    .put("remaining", Math.max(0, quota.limit() - used))
                    .put("period", quota.period().name())
                    .put("periodStart", window.start().toString())
                    .put("periodEnd", window.end().toString());
        }
        return json;
    }

    private static ObjectNode plan(UsagePlanSpec plan) {
        ObjectNode json = ConsoleJson.JSON.createObjectNode().put("id", plan.logicalId()).put("name", plan.name());
        if (plan.throttle() != null) {
            json.set("throttle", throttle(plan.throttle()));
        }
        if (plan.quota() != null) {
            json.putObject("quota").put("limit", plan.quota().limit()).put("period", plan.quota().period().name())
                    .put("offset", plan.quota().offset());
        }
        return json;
    }

    private static ObjectNode throttle(ThrottleSpec throttle) {
        return ConsoleJson.JSON.createObjectNode().put("rateLimit", throttle.rateLimit()).put("burstLimit", throttle.burstLimit());
    }
}
