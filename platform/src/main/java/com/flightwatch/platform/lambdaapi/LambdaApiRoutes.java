package com.flightwatch.platform.lambdaapi;

import com.flightwatch.platform.activations.ActivationRecorder;
import com.flightwatch.platform.lambda.FunctionHost;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * The Lambda API on the control plane: {@code Invoke} ({@link InvokeRoutes}) and function
 * management ({@link FunctionRoutes}), compatible with the AWS CLI v2 and the SDK v2's
 * {@code LambdaClient} pointed at the control plane. docs/lambda-api.md lists the routes.
 */
public final class LambdaApiRoutes {

    private final InvokeRoutes invoke;
    private final FunctionRoutes functions;

    /**
     * @param recorder records every invocation made through this API (trigger {@code lambda-api})
     * @param catalog  creates, describes, updates and deletes the host's functions
     */
    public LambdaApiRoutes(Vertx vertx, FunctionHost host, ActivationRecorder recorder, FunctionCatalog catalog) {
        this.invoke = new InvokeRoutes(vertx, host, recorder, catalog.region());
        this.functions = new FunctionRoutes(vertx, catalog);
    }

    public void mount(Router router) {
        invoke.mount(router);
        functions.mount(router);
    }
}
