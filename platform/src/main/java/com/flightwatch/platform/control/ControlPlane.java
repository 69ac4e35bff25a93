package com.flightwatch.platform.control;

import com.flightwatch.platform.security.ControlPlaneGuard;
import com.flightwatch.platform.sns.SnsService;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control plane's HTTP server (port 3001 by default): the SNS Query API at {@code POST /},
 * {@code /_platform/sms}, {@code /_platform/health}, and {@code /_platform/topics} with dead letters
 * and their redrive. Other parts of the platform mount their routes (Lambda API, metrics, console)
 * on {@link #router()} before {@link #start()}.
 */
public final class ControlPlane implements AutoCloseable {

    /** SNS messages are at most 256 KB; form encoding can triple that, and a batch holds ten. */
    private static final long MAX_BODY_BYTES = 8L * 1024 * 1024;
    /** A PublishBatch: 10 entries of Id, Message, Subject, structure, group and dedup ids and 10 attributes of 3 fields. */
    private static final int MAX_FORM_FIELDS = 1024;
    private static final long START_STOP_TIMEOUT_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(ControlPlane.class);

    private final Vertx vertx;
    private final ControlPlaneSettings settings;
    private final Router router;
    private final SnsQueryApi snsApi;
    private HttpServer server;

    public ControlPlane(Vertx vertx, SnsService sns, ControlPlaneSettings settings) {
        this(vertx, sns, settings, null);
    }

    /**
     * A control plane whose every route is behind {@code guard} (credentials, off loopback); null for
     * none. The guard is mounted first, so routes mounted later are behind it too.
     */
    public ControlPlane(Vertx vertx, SnsService sns, ControlPlaneSettings settings, ControlPlaneGuard guard) {
        this.vertx = vertx;
        this.settings = settings;
        this.snsApi = new SnsQueryApi(sns);
        this.router = Router.router(vertx);
        CrossSiteRequests.mount(router);
        if (guard != null) {
            guard.mount(router);
        }
        PlatformRoutes platformRoutes = new PlatformRoutes(vertx, sns);
        router.post("/").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES)).handler(this::sns);
        // A GET of an http subscriber's SubscribeURL is ConfirmSubscription; SNS takes Query actions by GET too.
        // A GET without an Action is a browser: it goes on to the web console, mounted later on the same path.
        router.get("/").handler(context -> {
            if (context.request().getParam("Action") == null) {
                context.next();
            } else {
                sns(context);
            }
        });
        router.get("/_platform/sms").handler(platformRoutes::sms);
        router.get("/_platform/health").handler(platformRoutes::health);
        new TopicRoutes(vertx, sns).mount(router, MAX_BODY_BYTES);
    }

    /** The router: mount more routes here before {@link #start()}. */
    public Router router() {
        return router;
    }

    /** Listens, and blocks until listening. Not to be called on an event loop. @return the bound port */
    public synchronized int start() {
        HttpServerOptions options = new HttpServerOptions().setHost(settings.host()).setPort(settings.port()).setTcpNoDelay(true)
                // Vert.x refuses a form field over 8 KB (and forms of over 256 fields) with a bare 400: an SNS
                // message may be 256 KB, and a PublishBatch of ten entries with attributes has hundreds of fields.
                .setMaxFormAttributeSize((int) MAX_BODY_BYTES).setMaxFormBufferedBytes((int) MAX_BODY_BYTES)
                .setMaxFormFields(MAX_FORM_FIELDS);
        try {
            server = vertx.createHttpServer(options).requestHandler(router).listen()
                    .toCompletionStage().toCompletableFuture().get(START_STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new ServerStartException("The control plane could not listen on " + settings.host() + ":"
                    + settings.port() + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStartException("Interrupted while starting the control plane", e);
        }
        LOG.info("Control plane listening on http://{}:{}", settings.host(), server.actualPort());
        return server.actualPort();
    }

    /** The bound port; valid after {@link #start()}. */
    public int port() {
        if (server == null) {
            throw new IllegalStateException("The control plane is not started");
        }
        return server.actualPort();
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            server.close().toCompletionStage().toCompletableFuture().get(START_STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("The control plane did not close cleanly: {}", e.getMessage());
        }
        server = null;
    }

    private void sns(RoutingContext context) {
        String requestId = UUID.randomUUID().toString();
        QueryParameters parameters = new QueryParameters(context.request().params());
        vertx.executeBlocking(() -> snsApi.handle(parameters, requestId), false).onComplete(outcome -> {
            int status = 200;
            String body;
            if (outcome.succeeded()) {
                body = outcome.result();
            } else {
                SnsErrors.SnsError error = SnsErrors.of(outcome.cause());
                status = error.status();
                body = SnsXml.error(error.type(), error.code(), error.message(), requestId);
            }
            context.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "text/xml")
                    .putHeader("x-amzn-RequestId", requestId)
                    .end(body);
        });
    }
}
