package com.flightwatch.platform.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the throttles and quotas that apply to one API stage: the {@code AWS::ApiGateway::UsagePlan}s
 * listing it in {@code ApiStages} (with their {@code UsagePlanKey}s), and the stage's own
 * {@code MethodSettings} (from an {@code AWS::ApiGateway::Stage}, or a Deployment's {@code StageDescription}).
 */
final class UsagePlanReader {

    /** The key of a stage-wide throttle, as CDK writes it: every resource, every method. */
    static final String EVERY_METHOD = "/*/*";

    private final Intrinsics intrinsics;
    private final PhysicalIds physicalIds;
    private final Map<String, JsonNode> resources;

    UsagePlanReader(Intrinsics intrinsics, PhysicalIds physicalIds, Map<String, JsonNode> resources) {
        this.intrinsics = intrinsics;
        this.physicalIds = physicalIds;
        this.resources = resources;
    }

    List<UsagePlanSpec> usagePlans(String apiId) {
        List<UsagePlanSpec> plans = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : resources.entrySet()) {
            if (!Template.type(entry.getValue()).equals("AWS::ApiGateway::UsagePlan")) {
                continue;
            }
            String id = entry.getKey();
            JsonNode properties = entry.getValue().path("Properties");
            for (JsonNode apiStage : properties.path("ApiStages")) {
                if (apiId.equals(intrinsics.resolveText(apiStage.get("ApiId"), id + " (ApiStages)"))) {
                    String name = intrinsics.resolveText(properties.get("UsagePlanName"), id + " (UsagePlanName)");
                    plans.add(new UsagePlanSpec(id, name != null ? name : id, throttle(properties.get("Throttle"), id),
                            methodThrottles(apiStage.path("Throttle"), id), quota(properties.get("Quota"), id),
                            keysOf(physicalIds.ref(id, entry.getValue(), intrinsics, id))));
                    break;
                }
            }
        }
        return plans;
    }

    /** The {@code MethodSettings} throttles of the stage that deploys this API, by {@code /resource/METHOD}. */
    Map<String, ThrottleSpec> stageThrottles(String apiId) {
        Map<String, ThrottleSpec> throttles = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : resources.entrySet()) {
            String type = Template.type(entry.getValue());
            JsonNode properties = entry.getValue().path("Properties");
            String id = entry.getKey();
            if (!apiId.equals(intrinsics.resolveText(properties.get("RestApiId"), id + " (RestApiId)"))) {
                continue;
            }
            if (type.equals("AWS::ApiGateway::Stage")) {
                readMethodSettings(properties.path("MethodSettings"), id, throttles);
            } else if (type.equals("AWS::ApiGateway::Deployment") && properties.has("StageDescription")) {
                JsonNode description = properties.path("StageDescription");
                ThrottleSpec stageWide = throttle(description.path("ThrottlingRateLimit"),
                        description.path("ThrottlingBurstLimit"), id);
                if (stageWide != null) {
                    throttles.putIfAbsent(EVERY_METHOD, stageWide);
                }
                readMethodSettings(description.path("MethodSettings"), id, throttles);
            }
        }
        return throttles;
    }

    private void readMethodSettings(JsonNode settings, String id, Map<String, ThrottleSpec> into) {
        for (JsonNode setting : settings) {
            ThrottleSpec throttle = throttle(setting.path("ThrottlingRateLimit"), setting.path("ThrottlingBurstLimit"), id);
            if (throttle == null) {
                continue;
            }
            // MethodSettings escape the slashes of a resource path as ~1: /~1flights~1{flightId}.
            String path = text(setting.path("ResourcePath"), id, "/*").replace("~1", "/");
            String method = text(setting.path("HttpMethod"), id, "*").toUpperCase(Locale.ROOT);
            into.put(path + "/" + method, throttle);
        }
    }

    private Map<String, ThrottleSpec> methodThrottles(JsonNode byMethod, String id) {
        Map<String, ThrottleSpec> throttles = new LinkedHashMap<>();
        byMethod.properties().forEach(method -> {
            ThrottleSpec throttle = throttle(method.getValue(), id);
            if (throttle != null) {
                throttles.put(method.getKey(), throttle);
            }
        });
        return throttles;
    }

    private ThrottleSpec throttle(JsonNode settings, String id) {
        return settings == null ? null : throttle(settings.path("RateLimit"), settings.path("BurstLimit"), id);
    }

    /** Null when neither limit is set; a missing burst is taken as one second of the rate (at least 1). */
    private ThrottleSpec throttle(JsonNode rate, JsonNode burst, String id) {
        String rateText = rate.isMissingNode() ? null : intrinsics.resolveText(rate, id + " (rate limit)");
        String burstText = burst.isMissingNode() ? null : intrinsics.resolveText(burst, id + " (burst limit)");
        if (rateText == null) {
            return null;
        }
        double rateLimit = number(rateText, id);
        int burstLimit = burstText != null ? (int) number(burstText, id) : (int) Math.max(1, Math.ceil(rateLimit));
        return new ThrottleSpec(rateLimit, burstLimit);
    }

    private QuotaSpec quota(JsonNode quota, String id) {
        if (quota == null || !quota.has("Limit")) {
            return null;
        }
        long limit = (long) number(intrinsics.resolveText(quota.get("Limit"), id + " (Quota.Limit)"), id);
        String periodText = quota.has("Period") ? intrinsics.resolveText(quota.get("Period"), id + " (Quota.Period)") : "DAY";
        QuotaSpec.Period period;
        try {
            period = QuotaSpec.Period.valueOf(periodText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new StackException(id + " (Quota.Period): " + periodText + " is not DAY, WEEK or MONTH", e);
        }
        int offset = quota.has("Offset") ? (int) number(intrinsics.resolveText(quota.get("Offset"), id + " (Quota.Offset)"), id) : 0;
        if (offset < 0) {
            throw new StackException(id + " (Quota.Offset): " + offset + " is negative; it is a number of requests");
        }
        return new QuotaSpec(limit, period, offset);
    }

    private List<String> keysOf(String planId) {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : resources.entrySet()) {
            JsonNode properties = entry.getValue().path("Properties");
            String id = entry.getKey();
            if (Template.type(entry.getValue()).equals("AWS::ApiGateway::UsagePlanKey")
                    && planId.equals(intrinsics.resolveText(properties.get("UsagePlanId"), id + " (UsagePlanId)"))) {
                String keyId = intrinsics.resolveText(properties.get("KeyId"), id + " (KeyId)");
                keys.add(keyLogicalId(keyId));
            }
        }
        return keys;
    }

    /** The UsagePlanKey names the key by its physical id; the gateway knows keys by logical id. */
    private String keyLogicalId(String keyId) {
        for (Map.Entry<String, JsonNode> entry : resources.entrySet()) {
            if (Template.type(entry.getValue()).equals("AWS::ApiGateway::ApiKey")
                    && keyId.equals(physicalIds.ref(entry.getKey(), entry.getValue(), intrinsics, entry.getKey()))) {
                return entry.getKey();
            }
        }
        return keyId;
    }

    private String text(JsonNode value, String id, String fallback) {
        String text = value.isMissingNode() ? null : intrinsics.resolveText(value, id + " (MethodSettings)");
        return text != null ? text : fallback;
    }

    private static double number(String text, String id) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new StackException(id + ": " + text + " is not a number", e);
        }
    }
}
