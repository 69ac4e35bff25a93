package com.flightwatch.platform.console;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/**
 * The web console on the control plane: {@code GET /} (a GET without an SNS {@code Action}; the
 * control plane passes those on) is the page, {@code GET /console/{file}} its styles and JavaScript
 * modules, and {@code GET /_platform/console/functions|topics|api} the JSON it needs that no other
 * route gives. Activations, the SMS outbox, dead letters and their redrive come from the existing
 * {@code /_platform} routes. Everything is loopback-only with the control plane, and needs no internet.
 */
public final class ConsoleRoutes {

    private static final String INDEX = "index.html";
    /**
     * The page loads and fetches from the control plane only (no CDN can sneak in), and no other site
     * may frame it, so a redrive button cannot be clicked through someone else's page.
     */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

    private final Vertx vertx;
    private final ConsoleAssets assets = new ConsoleAssets("console");
    private final FunctionsView functions;
    private final TopicsView topics;
    private final ApiView api;

    public ConsoleRoutes(Vertx vertx, ConsoleSources sources) {
        this.vertx = vertx;
        this.functions = new FunctionsView(sources.functions(), sources.activations());
        this.topics = new TopicsView(sources.sns());
        this.api = new ApiView(sources.stack().stackName(), sources.stack().apis(), sources.keys(), sources.quotas(),
                sources.runningApis(), Clock.systemUTC());
    }

    /** Mounts after the control plane's own {@code GET /}, which passes a GET without Action on to here. */
    public void mount(Router router) {
        router.get("/").handler(context -> file(context, INDEX));
        router.get("/console/:file").handler(context -> file(context, context.pathParam("file")));
        router.get("/_platform/console/functions").handler(context -> ConsoleJson.answer(vertx, context, functions::json));
        router.get("/_platform/console/topics").handler(context -> ConsoleJson.answer(vertx, context, topics::json));
        router.get("/_platform/console/api").handler(context -> ConsoleJson.answer(vertx, context, api::json));
    }

    private void file(RoutingContext context, String name) {
        assets.find(name).ifPresentOrElse(
                asset -> context.response().putHeader("Content-Type", asset.contentType())
                        .putHeader("Cache-Control", "no-cache")
                        .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                        .putHeader("X-Content-Type-Options", "nosniff")
                        .end(Buffer.buffer(asset.bytes())),
                () -> context.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end("No console file " + name));
    }
}
