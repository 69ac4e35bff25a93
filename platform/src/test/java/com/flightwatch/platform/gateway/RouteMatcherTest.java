package com.flightwatch.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteMatcherTest {

    private final RouteMatcher matcher = new RouteMatcher(List.of(
            route("ANY", "/{proxy+}", "fallback"),
            route("GET", "/books/{bookId}", "book"),
            route("POST", "/books/{bookId}", "update"),
            route("GET", "/books/featured", "featured"),
            route("ANY", "/books/{bookId}/covers/{size}", "coversAny"),
            route("GET", "/books/{bookId}/covers/{size}", "coversGet"),
            route("GET", "/", "root")), "prod");

    @Test
    void match_parameterSegment_capturesItDecoded() {
        MatchedRoute matched = matcher.match("GET", "/books/a b");

        assertThat(matched.route().functionName()).isEqualTo("book");
        assertThat(matched.pathParameters()).isEqualTo(Map.of("bookId", "a b"));
    }

    @Test
    void match_literalAndParameterResources_literalWins() {
        assertThat(matcher.match("GET", "/books/featured").route().functionName()).isEqualTo("featured");
    }

    @Test
    void match_resourceFoundButNotItsMethod_doesNotFallBackToALessSpecificResource() {
        assertThatThrownBy(() -> matcher.match("DELETE", "/books/featured"))
                .isInstanceOf(MissingAuthenticationTokenException.class);
    }

    @Test
    void match_explicitMethodAndAny_explicitWinsAndAnyTakesTheRest() {
        assertThat(matcher.match("GET", "/books/1/covers/small").route().functionName()).isEqualTo("coversGet");
        assertThat(matcher.match("PUT", "/books/1/covers/small").route().functionName()).isEqualTo("coversAny");
    }

    @Test
    void match_greedyParameter_takesOneOrMoreSegments() {
        MatchedRoute matched = matcher.match("PATCH", "/authors/9/letters");

        assertThat(matched.route().functionName()).isEqualTo("fallback");
        assertThat(matched.pathParameters()).isEqualTo(Map.of("proxy", "authors/9/letters"));
    }

    @Test
    void match_root_matchesOnlyTheRootResource() {
        assertThat(matcher.match("GET", "/").route().functionName()).isEqualTo("root");
    }

    @Test
    void match_stagePrefix_isStrippedFromThePath() {
        MatchedRoute matched = matcher.match("POST", "/prod/books/7");

        assertThat(matched.route().functionName()).isEqualTo("update");
        assertThat(matched.path()).isEqualTo("/books/7");
    }

    private static Route route(String method, String path, String function) {
        return new Route(method, new PathTemplate(path), function, 1000, false, false, false, List.of(), false, Map.of(), null);
    }
}
