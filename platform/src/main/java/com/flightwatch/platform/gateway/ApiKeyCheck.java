package com.flightwatch.platform.gateway;

import java.util.Set;

/**
 * Step two: an operation that requires an API key gets one in {@code x-api-key} that is known,
 * enabled and bound to this API (listed among its keys in the stack, or made by
 * {@code flightwatch keys create} in one of its usage plans), or the request ends with 403 Forbidden.
 */
final class ApiKeyCheck {

    static final String HEADER = "x-api-key";

    private final ApiKeyLookup lookup;
    private final Set<String> keysOfThisApi;
    private final Set<String> plansOfThisApi;

    /**
     * @param keysOfThisApi  the logical ids of the keys the stack binds to this API
     * @param plansOfThisApi the logical ids of the usage plans of this API's stage
     */
    ApiKeyCheck(ApiKeyLookup lookup, Set<String> keysOfThisApi, Set<String> plansOfThisApi) {
        this.lookup = lookup;
        this.keysOfThisApi = keysOfThisApi;
        this.plansOfThisApi = plansOfThisApi;
    }

    /** @return the key the request used; null when the operation needs none */
    ResolvedApiKey check(Route route, GatewayRequest request) {
        if (!route.apiKeyRequired()) {
            return null;
        }
        String value = request.header(HEADER);
        if (value == null || value.isEmpty()) {
            throw new InvalidApiKeyException();
        }
        return lookup.findByValue(value)
                .filter(ResolvedApiKey::enabled)
                .filter(this::boundToThisApi)
                .orElseThrow(InvalidApiKeyException::new);
    }

    private boolean boundToThisApi(ResolvedApiKey key) {
        return key.usagePlanId() != null ? plansOfThisApi.contains(key.usagePlanId()) : keysOfThisApi.contains(key.logicalId());
    }
}
