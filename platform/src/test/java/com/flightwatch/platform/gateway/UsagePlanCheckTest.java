package com.flightwatch.platform.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.platform.stack.ApiSpec;
import com.flightwatch.platform.stack.ThrottleSpec;
import com.flightwatch.platform.stack.UsagePlanSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The order of the throttles, with a clock the test moves. */
class UsagePlanCheckTest {

    private static final long ONE_SECOND = 1_000_000_000L;
    private static final ResolvedApiKey KEY = new ResolvedApiKey("Stack", "Key", "key", "value", true);
    private static final Route ROUTE = new Route("GET", new PathTemplate("/books/{id}"), "books", 1000, true, false,
            false, List.of(), false, Map.of(), null);

    private final AtomicLong nanos = new AtomicLong(ONE_SECOND);
    private final QuotaCounter quotas = new QuotaCounter(QuotaStore.inMemory(), Clock.systemUTC(), Duration.ofHours(1));

    @AfterEach
    void closeQuotas() {
        quotas.close();
    }

    @Test
    void check_accountBucketEmpty_refusesBeforeTakingTheKeysToken() {
        UsagePlanSpec plan = new UsagePlanSpec("Plan", "plan", new ThrottleSpec(0.001, 2), Map.of(), null, List.of("Key"));
        UsagePlanCheck check = check(List.of(plan), new ThrottleSpec(1, 1));

        check.check(ROUTE, KEY);
        assertThatThrownBy(() -> check.check(ROUTE, KEY)).isInstanceOf(ThrottledException.class);
        nanos.addAndGet(ONE_SECOND);

        // The refused request took no token of the key's bucket: its second token is still there.
        check.check(ROUTE, KEY);
    }

    @Test
    void check_accountLimit_isSharedByEveryKeyAndRequestsWithoutOne() {
        UsagePlanCheck check = check(List.of(), new ThrottleSpec(1, 2));

        check.check(ROUTE, KEY);
        check.check(ROUTE, null);

        assertThatThrownBy(() -> check.check(ROUTE, new ResolvedApiKey("Stack", "Other", "other", "v2", true)))
                .isInstanceOf(ThrottledException.class);
    }

    @Test
    void check_accountRefillsAtItsRate_servesAgain() {
        UsagePlanCheck check = check(List.of(), new ThrottleSpec(2, 1));
        check.check(ROUTE, null);

        nanos.addAndGet(ONE_SECOND / 2);

        check.check(ROUTE, null);
        assertThatThrownBy(() -> check.check(ROUTE, null)).isInstanceOf(ThrottledException.class);
    }

    private UsagePlanCheck check(List<UsagePlanSpec> plans, ThrottleSpec account) {
        ApiSpec api = new ApiSpec("Api", "api", "{}", "test", List.of(), plans, Map.of());
        return new UsagePlanCheck(api, quotas, new AccountThrottle(account, nanos::get), nanos::get);
    }
}
