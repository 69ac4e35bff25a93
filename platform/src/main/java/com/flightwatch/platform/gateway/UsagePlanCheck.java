package com.flightwatch.platform.gateway;

import com.flightwatch.platform.stack.ApiSpec;
import com.flightwatch.platform.stack.ThrottleSpec;
import com.flightwatch.platform.stack.UsagePlanSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Step three: the account-level throttle (every API of the platform), then, in API Gateway's
 * order, the key's usage plan throttle (per key; a method's own
 * throttle when the plan sets one), then the stage's method throttles (shared by every client),
 * then the plan's quota, so a throttled request is not counted. A key in no plan of this stage is
 * refused when the stage has plans. Operations without a key pass the stage throttle only.
 */
final class UsagePlanCheck {

    private static final String EVERY_METHOD = "/*/*";

    private record BucketId(String planId, String keyId, String method) {
    }

    private final Map<String, ThrottleSpec> stageThrottles;
    private final Map<String, UsagePlanSpec> planByKey = new HashMap<>();
    private final Map<String, UsagePlanSpec> planById = new HashMap<>();
    private final boolean stageHasPlans;
    private final QuotaCounter quotas;
    private final AccountThrottle account;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, TokenBucket> stageBuckets = new ConcurrentHashMap<>();
    private final ConcurrentMap<BucketId, TokenBucket> keyBuckets = new ConcurrentHashMap<>();

    UsagePlanCheck(ApiSpec api, QuotaCounter quotas, AccountThrottle account, LongSupplier nanoClock) {
        this.stageThrottles = api.stageThrottles();
        this.stageHasPlans = !api.usagePlans().isEmpty();
        for (UsagePlanSpec plan : api.usagePlans()) {
            plan.keyLogicalIds().forEach(keyId -> planByKey.putIfAbsent(keyId, plan));
            planById.put(plan.logicalId(), plan);
        }
        this.quotas = quotas;
        this.account = account;
        this.nanoClock = nanoClock;
    }

    /** @param key the request's key; null when the operation needs none */
    void check(Route route, ResolvedApiKey key) {
        account.take();
        String method = route.path().template() + "/" + route.method();
        UsagePlanSpec plan = key == null || !stageHasPlans ? null : planOf(key);
        if (plan != null) {
            takeKeyToken(plan, key, method);
        }
        takeStageToken(method);
        if (plan != null && plan.quota() != null
                && !quotas.tryCount(key.stackName(), plan.logicalId(), key.logicalId(), plan.quota())) {
            throw new QuotaExceededException();
        }
    }

    private UsagePlanSpec planOf(ResolvedApiKey key) {
        UsagePlanSpec plan = key.usagePlanId() != null ? planById.get(key.usagePlanId()) : planByKey.get(key.logicalId());
        if (plan == null) {
            throw new InvalidApiKeyException();
        }
        return plan;
    }

    private void takeKeyToken(UsagePlanSpec plan, ResolvedApiKey key, String method) {
        ThrottleSpec methodThrottle = plan.methodThrottles().get(method);
        ThrottleSpec throttle = methodThrottle != null ? methodThrottle : plan.throttle();
        if (throttle != null) {
            BucketId id = new BucketId(plan.logicalId(), key.logicalId(), methodThrottle != null ? method : "");
            if (!keyBuckets.computeIfAbsent(id, ignored -> bucket(throttle)).tryTake()) {
                throw new ThrottledException();
            }
        }
    }

    private void takeStageToken(String method) {
        String stageThrottle = stageThrottles.containsKey(method) ? method : EVERY_METHOD;
        ThrottleSpec stage = stageThrottles.get(stageThrottle);
        if (stage != null && !stageBuckets.computeIfAbsent(stageThrottle, ignored -> bucket(stage)).tryTake()) {
            throw new ThrottledException();
        }
    }

    private TokenBucket bucket(ThrottleSpec throttle) {
        return new TokenBucket(throttle, nanoClock);
    }
}
