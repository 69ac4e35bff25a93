package com.flightwatch.platform.control;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Locale;

/**
 * Refuses requests a browser sends on behalf of another site: an open control plane (loopback, no
 * credentials) would otherwise publish, subscribe, redrive dead letters or create keys for any web
 * page the user has open, since a form POST or an image GET needs no CORS preflight. Browsers say
 * where a request comes from ({@code Origin}, {@code Sec-Fetch-Site}); the SDKs, the CLI, curl and
 * SNS subscribers send neither, so they are not affected, and the console, served from here, is
 * same-origin.
 */
final class CrossSiteRequests {

    static final String REFUSAL = "{\"message\":\"Cross-site requests are refused: open the console at this address, or call the API from a program\"}";

    private CrossSiteRequests() {
    }

    /** Mounts the check ahead of every route mounted after it. */
    static void mount(Router router) {
        router.route().handler(CrossSiteRequests::check);
    }

    private static void check(RoutingContext context) {
        var request = context.request();
        if (refused(request.getHeader("Host"), request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"))) {
            context.response().setStatusCode(403).putHeader("Content-Type", "application/json").end(REFUSAL);
        } else {
            context.next();
        }
    }

    /**
     * @param host      the request's {@code Host} header
     * @param origin    its {@code Origin} header, or null
     * @param fetchSite its {@code Sec-Fetch-Site} header, or null
     */
    static boolean refused(String host, String origin, String fetchSite) {
        if (fetchSite != null) {
            String site = fetchSite.trim().toLowerCase(Locale.ROOT);
            // "same-site" is another origin of the same site: another port on localhost is not us either.
            if (site.equals("cross-site") || site.equals("same-site")) {
                return true;
            }
        }
        if (origin == null) {
            return false;
        }
        try {
            String authority = URI.create(origin.trim()).getAuthority();
            return authority == null || host == null || !authority.equalsIgnoreCase(host.trim());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
