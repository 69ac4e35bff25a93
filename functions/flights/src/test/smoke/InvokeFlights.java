import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.flightwatch.flights.FlightsHandler;
import java.util.Map;

/** Run by FlightsJarIT with target/flights.jar as the only class path, as Lambda would load it. */
public class InvokeFlights {

    public static void main(String[] args) {
        FlightsHandler handler = new FlightsHandler();
        APIGatewayProxyResponseEvent created = handler.handleRequest(new APIGatewayProxyRequestEvent()
                .withResource("/flights").withPath("/flights").withHttpMethod("POST")
                .withBody("{\"flightNumber\":\"UA123\",\"departureDate\":\"2026-12-24\",\"origin\":\"JFK\","
                        + "\"destination\":\"SFO\",\"scheduledDeparture\":\"2026-12-24T15:30:00-05:00\",\"passengers\":"
                        + "[{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\","
                        + "\"phone\":\"+14155550100\"}]}"), null);
        System.out.println("SMOKE created " + created.getStatusCode() + " " + created.getBody());
        String flightId = created.getHeaders().get("Location").substring("/flights/".length());
        APIGatewayProxyResponseEvent found = handler.handleRequest(new APIGatewayProxyRequestEvent()
                .withResource("/flights/{flightId}").withPath("/flights/" + flightId).withHttpMethod("GET")
                .withPathParameters(Map.of("flightId", flightId)), null);
        System.out.println("SMOKE found " + found.getStatusCode() + " " + found.getBody());
    }
}
