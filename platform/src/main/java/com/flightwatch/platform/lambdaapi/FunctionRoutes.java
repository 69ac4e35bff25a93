package com.flightwatch.platform.lambdaapi;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.Callable;

/**
 * Lambda's function management on the control plane, in the REST shapes the AWS CLI v2 and the
 * SDK v2's {@code LambdaClient} use: {@code CreateFunction}, {@code GetFunction},
 * {@code GetFunctionConfiguration}, {@code ListFunctions}, {@code UpdateFunctionCode},
 * {@code UpdateFunctionConfiguration} and {@code DeleteFunction}. The work (files, database,
 * deploys) runs off the event loop.
 */
final class FunctionRoutes {

    private static final String FUNCTIONS = "/2015-03-31/functions";
    private static final String FUNCTION = FUNCTIONS + "/:name";
    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 10_000;

    private final Vertx vertx;
    private final FunctionCatalog catalog;

    FunctionRoutes(Vertx vertx, FunctionCatalog catalog) {
        this.vertx = vertx;
        this.catalog = catalog;
    }

    void mount(Router router) {
        for (String path : new String[] {FUNCTIONS, FUNCTIONS + "/"}) {
            router.post(path).handler(bodies()).handler(this::create).failureHandler(FunctionRoutes::failed);
            router.get(path).handler(this::list);
        }
        router.get(FUNCTION).handler(context -> answer(context, 200,
                () -> FunctionConfigurations.getFunction(get(context), arn(context))));
        router.get(FUNCTION + "/configuration").handler(context -> answer(context, 200,
                () -> FunctionConfigurations.configuration(get(context), arn(context))));
        router.delete(FUNCTION).handler(this::delete);
        router.put(FUNCTION + "/code").handler(bodies()).handler(context -> answer(context, 200, () -> {
            ManagedFunction updated = catalog.updateCode(name(context), FunctionRequests.code(context.body().buffer()));
            return FunctionConfigurations.configuration(updated, arn(context));
        })).failureHandler(FunctionRoutes::failed);
        router.put(FUNCTION + "/configuration").handler(bodies()).handler(context -> answer(context, 200, () -> {
            ConfigurationChange change = FunctionRequests.configurationChange(context.body().buffer());
            return FunctionConfigurations.configuration(catalog.updateConfiguration(name(context), change), arn(context));
        })).failureHandler(FunctionRoutes::failed);
    }

    private void create(RoutingContext context) {
        answer(context, 201, () -> {
            ManagedFunction created = catalog.create(FunctionRequests.create(context.body().buffer()));
            return FunctionConfigurations.configuration(created, catalog.functionArn(created.name()));
        });
    }

    private void list(RoutingContext context) {
        String marker = context.queryParams().get("Marker");
        int maxItems;
        try {
            String value = context.queryParams().get("MaxItems");
            maxItems = value == null ? DEFAULT_PAGE : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            maxItems = -1;
        }
        if (maxItems < 1 || maxItems > MAX_PAGE) {
            LambdaErrors.send(context.response(), new InvalidParameterValueException("MaxItems",
                    "must be a number from 1 to " + MAX_PAGE));
            return;
        }
        int pageSize = maxItems;
        answer(context, 200, () -> FunctionConfigurations.list(catalog.list(marker, pageSize), catalog::functionArn));
    }

    private void delete(RoutingContext context) {
        vertx.executeBlocking(() -> {
            catalog.delete(name(context));
            return null;
        }, false).onSuccess(nothing -> context.response().setStatusCode(204).end())
                .onFailure(failure -> LambdaErrors.send(context.response(), failure));
    }

    private ManagedFunction get(RoutingContext context) {
        return catalog.get(name(context));
    }

    private String arn(RoutingContext context) {
        return catalog.functionArn(name(context));
    }

    private static String name(RoutingContext context) {
        return InvokeRoutes.functionName(context.pathParam("name"));
    }

    private void answer(RoutingContext context, int status, Callable<JsonObject> work) {
        vertx.executeBlocking(work, false)
                .onSuccess(json -> context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                        .end(json.encode()))
                .onFailure(failure -> LambdaErrors.send(context.response(), failure));
    }

    private static BodyHandler bodies() {
        return BodyHandler.create(false).setBodyLimit(FunctionRequests.MAX_BODY_BYTES);
    }

    /** The body handler fails the request with 413 past the limit: Lambda's answer for a too-large upload. */
    private static void failed(RoutingContext context) {
        LambdaErrors.send(context.response(), context.statusCode() == 413 ? FunctionRequests.tooLarge()
                : context.failure() == null ? new IllegalStateException("status " + context.statusCode()) : context.failure());
    }
}
