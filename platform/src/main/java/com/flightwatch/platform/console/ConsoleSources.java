package com.flightwatch.platform.console;

import com.flightwatch.platform.Platform;
import com.flightwatch.platform.activations.ActivationStore;
import com.flightwatch.platform.gateway.ApiKeyAdmin;
import com.flightwatch.platform.gateway.QuotaStore;
import com.flightwatch.platform.lambda.FunctionHost;
import com.flightwatch.platform.sns.SnsService;
import com.flightwatch.platform.stack.StackSpec;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the console reads: the running parts of the platform, never a copy of their data.
 *
 * @param runningApis the stack's APIs with the URL each is served on; asked at each request, because the
 *                    gateways start after the control plane's routes are mounted
 */
public record ConsoleSources(
        StackSpec stack,
        FunctionHost functions,
        ActivationStore activations,
        SnsService sns,
        ApiKeyAdmin keys,
        QuotaStore quotas,
        Supplier<List<Platform.RunningApi>> runningApis) {
}
