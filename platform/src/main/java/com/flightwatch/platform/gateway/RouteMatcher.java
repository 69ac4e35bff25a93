package com.flightwatch.platform.gateway;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Step one: finds the operation for a path and method, resource first as API Gateway does: the most
 * specific resource path that matches, then that resource's method (an explicit one before
 * {@code ANY}). An unknown path and a known path without that method both answer 403 Missing
 * Authentication Token. A path may carry the stage as its first segment ({@code /prod/flights}), as
 * the execute-api URL does; such a path is first matched without it.
 */
final class RouteMatcher {

    private final List<Route> routes;
    private final String stage;

    RouteMatcher(List<Route> routes, String stage) {
        this.routes = routes.stream()
                .sorted(Comparator.comparing(Route::path, PathTemplate::moreSpecificFirst)
                        .thenComparing(route -> route.path().template())
                        .thenComparing(route -> route.method().equals(Route.ANY)))
                .toList();
        this.stage = stage;
    }

    MatchedRoute match(String httpMethod, String path) {
        MatchedRoute matched = null;
        String stagePrefix = "/" + stage;
        if (stage != null && (path.equals(stagePrefix) || path.startsWith(stagePrefix + "/"))) {
            String withinStage = path.substring(stagePrefix.length());
            matched = matchPath(httpMethod, withinStage.isEmpty() ? "/" : withinStage);
        }
        if (matched == null) {
            matched = matchPath(httpMethod, path);
        }
        if (matched == null) {
            throw new MissingAuthenticationTokenException();
        }
        return matched;
    }

    private MatchedRoute matchPath(String httpMethod, String path) {
        String resource = null;
        for (Route route : routes) {
            if (resource != null && !route.path().template().equals(resource)) {
                return null;
            }
            Map<String, String> parameters = route.path().match(path);
            if (parameters == null) {
                continue;
            }
            resource = route.path().template();
            if (route.accepts(httpMethod)) {
                return new MatchedRoute(route, path, parameters);
            }
        }
        return null;
    }
}
