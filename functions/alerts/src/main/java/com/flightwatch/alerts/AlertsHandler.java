package com.flightwatch.alerts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.flightwatch.common.api.ApiResponses;
import com.flightwatch.common.api.ApiRouter;
import com.flightwatch.common.api.Requests;
import com.flightwatch.common.aws.SnsClients;
import com.flightwatch.common.config.Config;
import com.flightwatch.common.db.Database;
import com.flightwatch.common.domain.Alert;
import com.flightwatch.common.repository.AlertRepository;
import com.flightwatch.common.repository.FlightRepository;
import com.flightwatch.common.repository.JdbcAlertRepository;
import com.flightwatch.common.repository.JdbcFlightRepository;
import com.flightwatch.common.repository.JdbcNotificationRepository;
import com.flightwatch.common.repository.NotificationRepository;
import com.flightwatch.common.sms.AlertMessageRenderer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@code POST /notifications} and {@code GET /alerts}. Lambda builds one instance per execution
 * environment, so the pool and the SNS client are built once, in the constructor.
 */
public final class AlertsHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    /** Set on an answer replayed for a repeated Idempotency-Key (the body and status are the first ones). */
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final NotificationService notifications;
    private final AlertRepository alerts;
    private final NotificationRequestValidator validator = new NotificationRequestValidator();
    private final AlertQueryParser queryParser = new AlertQueryParser();
    private final ApiRouter router;

    public AlertsHandler() {
        this(Config.fromEnvironment());
    }

    /** The topic is checked first: a missing ALERTS_TOPIC_ARN should fail before any connection is made. */
    private AlertsHandler(Config config) {
        this(config, config.requireAlertsTopicArn(), Database.dataSource(config));
    }

    private AlertsHandler(Config config, String topicArn, DataSource dataSource) {
        this(new JdbcFlightRepository(dataSource), new JdbcNotificationRepository(dataSource),
                new JdbcAlertRepository(dataSource), new SnsAlertPublisher(SnsClients.create(config), topicArn),
                Clock.systemUTC());
    }

    public AlertsHandler(FlightRepository flights, NotificationRepository notifications, AlertRepository alerts,
            AlertPublisher publisher, Clock clock) {
        this.notifications = new NotificationService(flights, notifications, publisher, new AlertMessageRenderer(), clock);
        this.alerts = alerts;
        this.router = new ApiRouter()
                .on("POST", "/notifications", this::issue)
                .on("GET", "/alerts", this::list);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return router.handle(event, context);
    }

    private APIGatewayProxyResponseEvent issue(APIGatewayProxyRequestEvent event) {
        String idempotencyKey = Requests.header(event, NotificationRequestValidator.IDEMPOTENCY_KEY).orElse(null);
        NewNotification request = validator.validate(Requests.body(event, NotificationRequest.class), idempotencyKey);
        NotificationService.Answer answer = notifications.issue(request);
        Map<String, String> headers = answer.replayed() ? Map.of(REPLAYED_HEADER, "true") : Map.of();
        return ApiResponses.rawJson(answer.statusCode(), answer.body(), headers);
    }

    private APIGatewayProxyResponseEvent list(APIGatewayProxyRequestEvent event) {
        AlertQueryParser.PageRequest request = queryParser.parse(event);
        List<Alert> found = alerts.find(request.query());
        int pageSize = request.pageSize();
        boolean more = found.size() > pageSize;
        List<Alert> page = more ? found.subList(0, pageSize) : found;
        String nextCursor = more ? Cursors.encode(page.get(page.size() - 1).alertId()) : null;
        return ApiResponses.json(200, new AlertPage(page.stream().map(AlertView::of).toList(), nextCursor));
    }
}
