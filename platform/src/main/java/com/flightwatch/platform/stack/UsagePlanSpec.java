package com.flightwatch.platform.stack;

import java.util.List;
import java.util.Map;

/**
 * One {@code AWS::ApiGateway::UsagePlan} as it applies to one API stage: the throttle and quota each
 * of its keys gets, and the keys bound to it by {@code AWS::ApiGateway::UsagePlanKey}.
 *
 * @param throttle        per-key throttle; null when the plan sets none
 * @param methodThrottles per-key throttles of single methods, by {@code /resource/METHOD} (e.g. {@code /flights/{flightId}/GET})
 * @param quota           per-key quota; null when the plan sets none
 * @param keyLogicalIds   the logical ids of the plan's {@code AWS::ApiGateway::ApiKey}s
 */
public record UsagePlanSpec(
        String logicalId,
        String name,
        ThrottleSpec throttle,
        Map<String, ThrottleSpec> methodThrottles,
        QuotaSpec quota,
        List<String> keyLogicalIds) {
}
