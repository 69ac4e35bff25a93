package com.flightwatch.platform.security;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Ahead of every control-plane route: lets a request through only when it proves who sent it. The
 * Lambda and SNS APIs need AWS Signature V4 (as the SDKs and the CLI send it); {@code /_platform/*},
 * {@code /metrics} and the console take SigV4 scoped to the service {@code flightwatch} or HTTP Basic
 * with the access key id and secret, for browsers and curl. Two things pass unsigned, as on AWS or
 * for a health check: {@code GET /_platform/health} and an http subscriber's {@code GET
 * /?Action=ConfirmSubscription} (its token is the credential).
 *
 * <p>Three steps, {@link #mount mounted} before any route: what the headers alone prove wrong is
 * refused before the body is read; the body is then read up to the route's limit (413 beyond it,
 * without reading on) and the signature checked over it.
 */
public final class ControlPlaneGuard {

    /** Lambda's limit on a synchronous Invoke payload. */
    static final long MAX_INVOKE_BYTES = 6L * 1024 * 1024;
    /** CreateFunction and UpdateFunctionCode: a 50 MB zip, base64 in JSON. */
    static final long MAX_FUNCTION_BYTES = 50L * 1024 * 1024 / 3 * 4 + 64 * 1024;
    /** Everything else: SNS's 256 KB messages, form-encoded, ten to a batch. */
    static final long MAX_OTHER_BYTES = 8L * 1024 * 1024;

    private static final Pattern INVOKE_PATH = Pattern.compile("^/20\\d\\d-\\d\\d-\\d\\d/functions/[^/]+/invocations$");
    private static final String API = "security.api";
    private static final String READING_BODY = "security.readingBody";
    private static final String BASIC = "security.basic";

    private final SigV4Verifier verifier;
    private final BodyHandler invokeBodies = BodyHandler.create(false).setBodyLimit(MAX_INVOKE_BYTES);
    private final BodyHandler functionBodies = BodyHandler.create(false).setBodyLimit(MAX_FUNCTION_BYTES);
    private final BodyHandler otherBodies = BodyHandler.create(false).setBodyLimit(MAX_OTHER_BYTES);

    ControlPlaneGuard(SigV4Verifier verifier) {
        this.verifier = verifier;
    }

    /** Mounts the guard on {@code router}; call before any route is added, so it runs first. */
    public void mount(Router router) {
        router.route().handler(this::headers).handler(this::body).handler(this::signature).failureHandler(this::failure);
    }

    /** First step: refuses what the request line and headers show is not authenticated. */
    void headers(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (exempt(request)) {
            context.next();
            return;
        }
        ControlPlaneApi api = ControlPlaneApi.of(request.method().name(), request.path(), request.getParam("Action") != null);
        context.put(API, api);
        String authorization = request.getHeader("Authorization");
        try {
            if (api == ControlPlaneApi.PLATFORM && authorization != null && authorization.startsWith("Basic ")) {
                checkBasic(authorization.substring("Basic ".length()).trim());
                context.put(BASIC, Boolean.TRUE);
            } else {
                verifier.check(received(request, new byte[0]), api.signingName());
            }
        } catch (RequestAuthenticationException e) {
            Refusals.refuse(context.response(), api, e);
            return;
        }
        context.next();
    }

    /** Second step: reads the body, up to what the route accepts. */
    void body(RoutingContext context) {
        if (context.get(API) == null) {
            context.next(); // exempt
            return;
        }
        context.put(READING_BODY, Boolean.TRUE);
        bodiesFor(context.request()).handle(context);
    }

    /** Third step: the signature, over the request and its body. */
    void signature(RoutingContext context) {
        context.remove(READING_BODY);
        ControlPlaneApi api = context.get(API);
        if (api == null || context.get(BASIC) != null) {
            context.next();
            return;
        }
        Buffer body = context.body().buffer();
        try {
            verifier.verify(received(context.request(), body == null ? new byte[0] : body.getBytes()), api.signingName());
        } catch (RequestAuthenticationException e) {
            Refusals.refuse(context.response(), api, e);
            return;
        }
        context.next();
    }

    /** The body handler's 413 becomes the API's own answer; other failures belong to the routes. */
    void failure(RoutingContext context) {
        ControlPlaneApi api = context.get(API);
        if (api != null && Boolean.TRUE.equals(context.get(READING_BODY)) && context.statusCode() == 413) {
            context.remove(READING_BODY);
            String path = context.request().path();
            boolean invoke = INVOKE_PATH.matcher(path).matches();
            Refusals.tooLarge(context.response(), api, invoke ? "InvokeFunction" : api == ControlPlaneApi.LAMBDA
                    ? "CreateFunction" : api == ControlPlaneApi.SNS ? "Publish" : "platform", limitOf(context.request()));
            return;
        }
        context.next();
    }

    private BodyHandler bodiesFor(HttpServerRequest request) {
        long limit = limitOf(request);
        return limit == MAX_INVOKE_BYTES ? invokeBodies : limit == MAX_FUNCTION_BYTES ? functionBodies : otherBodies;
    }

    private static long limitOf(HttpServerRequest request) {
        String path = request.path();
        if (INVOKE_PATH.matcher(path).matches()) {
            return MAX_INVOKE_BYTES;
        }
        return ControlPlaneApi.of(request.method().name(), path, false) == ControlPlaneApi.LAMBDA
                ? MAX_FUNCTION_BYTES : MAX_OTHER_BYTES;
    }

    private static boolean exempt(HttpServerRequest request) {
        String method = request.method().name();
        String path = request.path();
        if (method.equals("GET") && path.equals("/_platform/health")) {
            return true;
        }
        return method.equals("GET") && path.equals("/") && "ConfirmSubscription".equals(request.getParam("Action"))
                && request.getHeader("Authorization") == null;
    }

    private void checkBasic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IncompleteSignatureException("The Basic credentials are not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new IncompleteSignatureException("The Basic credentials must be the access key id, ':', the secret");
        }
        if (!verifier.secretMatches(decoded.substring(0, colon), decoded.substring(colon + 1))) {
            // One answer for an unknown id and a wrong secret: which ids exist is not told.
            throw new UnknownAccessKeyException("The access key id or the secret is wrong");
        }
    }

    private static ReceivedRequest received(HttpServerRequest request, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach(header -> headers
                .computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                .add(header.getValue()));
        return new ReceivedRequest(request.method().name(), request.path(), request.query(), headers, body);
    }
}
