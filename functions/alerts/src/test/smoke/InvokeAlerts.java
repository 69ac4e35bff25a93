import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.flightwatch.alerts.AlertsHandler;
import java.util.Map;

/** Run by AlertsJarIT with target/alerts.jar as the only class path, as Lambda would load it. */
public class InvokeAlerts {

    public static void main(String[] args) {
        AlertsHandler handler = new AlertsHandler();
        APIGatewayProxyResponseEvent accepted = handler.handleRequest(new APIGatewayProxyRequestEvent()
                .withResource("/notifications").withPath("/notifications").withHttpMethod("POST")
                .withHeaders(Map.of("Idempotency-Key", "smoke-1"))
                .withBody("{\"flightNumber\":\"UA123\",\"departureDate\":\"2026-12-24\",\"type\":\"DELAYED\","
                        + "\"reason\":\"Weather at JFK\",\"newDeparture\":\"2026-12-24T18:45:00-05:00\"}"), null);
        System.out.println("SMOKE accepted " + accepted.getStatusCode() + " " + accepted.getBody());
        APIGatewayProxyResponseEvent page = handler.handleRequest(new APIGatewayProxyRequestEvent()
                .withResource("/alerts").withPath("/alerts").withHttpMethod("GET")
                .withQueryStringParameters(Map.of("flightNumber", "UA123", "departureDate", "2026-12-24")), null);
        System.out.println("SMOKE listed " + page.getStatusCode() + " " + page.getBody());
    }
}
