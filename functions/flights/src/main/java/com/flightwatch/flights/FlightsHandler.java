package com.flightwatch.flights;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.flightwatch.common.api.ApiResponses;
import com.flightwatch.common.api.ApiRouter;
import com.flightwatch.common.api.Requests;
import com.flightwatch.common.config.Config;
import com.flightwatch.common.db.Database;
import com.flightwatch.common.exceptions.ValidationException;
import com.flightwatch.common.repository.FlightRepository;
import com.flightwatch.common.repository.JdbcFlightRepository;
import com.flightwatch.common.validation.FieldRules;
import java.time.Clock;

/**
 * {@code POST /flights}, {@code GET /flights/{flightId}}, {@code POST /flights/{flightId}/passengers}.
 * Lambda builds one instance per execution environment, so the pool is built once, in the constructor.
 */
public final class FlightsHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final FlightsService service;
    private final FlightRequestValidator validator = new FlightRequestValidator();
    private final ApiRouter router;

    public FlightsHandler() {
        this(new JdbcFlightRepository(Database.dataSource(Config.fromEnvironment())), Clock.systemUTC());
    }

    public FlightsHandler(FlightRepository flights, Clock clock) {
        this.service = new FlightsService(flights, clock);
        this.router = new ApiRouter()
                .on("POST", "/flights", this::register)
                .on("GET", "/flights/{flightId}", this::get)
                .on("POST", "/flights/{flightId}/passengers", this::addPassengers);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return router.handle(event, context);
    }

    private APIGatewayProxyResponseEvent register(APIGatewayProxyRequestEvent event) {
        NewFlight flight = validator.validate(Requests.body(event, CreateFlightRequest.class));
        FlightView created = service.register(flight);
        return ApiResponses.created("/flights/" + created.flightId(), created);
    }

    private APIGatewayProxyResponseEvent get(APIGatewayProxyRequestEvent event) {
        return ApiResponses.json(200, service.get(flightId(event)));
    }

    private APIGatewayProxyResponseEvent addPassengers(APIGatewayProxyRequestEvent event) {
        String flightId = flightId(event);
        var passengers = validator.validate(Requests.body(event, AddPassengersRequest.class));
        FlightView flight = service.addPassengers(flightId, passengers);
        return ApiResponses.created("/flights/" + flightId, flight);
    }

    private static String flightId(APIGatewayProxyRequestEvent event) {
        String flightId = Requests.pathParameter(event, "flightId");
        if (!FieldRules.ID.matcher(flightId).matches()) {
            throw ValidationException.of("flightId", "must be a flight id as returned by POST /flights");
        }
        return flightId;
    }
}
