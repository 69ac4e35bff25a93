package com.flightwatch.common.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.flightwatch.common.exceptions.NotFoundException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Dispatches a proxy event on its API Gateway resource template and method (e.g.
 * {@code GET /flights/{flightId}}), maps any exception through {@link ExceptionMapper}, and logs
 * one line per request.
 */
public final class ApiRouter {

    /** One operation of the API. */
    @FunctionalInterface
    public interface Route {
        APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);

    private final Map<String, Route> routes = new LinkedHashMap<>();

    public ApiRouter on(String httpMethod, String resource, Route route) {
        routes.put(key(httpMethod, resource), route);
        return this;
    }

    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        long started = System.nanoTime();
        String operation = key(event.getHttpMethod(), event.getResource());
        if (context != null && context.getAwsRequestId() != null) {
            MDC.put("requestId", context.getAwsRequestId());
        }
        APIGatewayProxyResponseEvent response;
        try {
            Route route = routes.get(operation);
            if (route == null) {
                throw new NotFoundException("No operation " + operation);
            }
            response = route.handle(event);
        } catch (RuntimeException e) {
            response = ExceptionMapper.toResponse(e);
        }
        LOG.info("{} -> {} in {} ms", operation, response.getStatusCode(), (System.nanoTime() - started) / 1_000_000);
        MDC.remove("requestId");
        return response;
    }

    private static String key(String httpMethod, String resource) {
        return (httpMethod == null ? "?" : httpMethod.toUpperCase(Locale.ROOT)) + " " + resource;
    }
}
