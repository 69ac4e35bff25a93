package com.flightwatch.cdk;

import java.nio.file.Path;

/**
 * The Lambda functions: where each one's jar is built, its handler and its sizing.
 *
 * <p>Alerts and the migrator get the most memory because Lambda allots CPU in proportion to it, alerts does
 * the heavy work of a notification (one batched insert per passenger, then the SNS publish) and the
 * migrator's Flyway start-up is CPU-bound.
 */
public enum FlightwatchFunction {
    FLIGHTS("flights", "FlightsFunction", "com.flightwatch.flights.FlightsHandler::handleRequest", 512, 15,
            "Registers flights and their passengers"),
    ALERTS("alerts", "AlertsFunction", "com.flightwatch.alerts.AlertsHandler::handleRequest", 1024, 30,
            "Records flight events and issues one alert per passenger"),
    SMS("sms", "SmsFunction", "com.flightwatch.sms.SmsHandler::handleRequest", 512, 30,
            "Texts each alert to its passenger"),
    /** Shares the alerts jar: it republishes what the alerts function could not publish. */
    SWEEPER("alerts", "SweeperFunction", "com.flightwatch.alerts.SweeperHandler::handleRequest", 512, 60,
            "Republishes alerts still QUEUED after a grace period"),
    /** The schema's custom resource: Flyway with common's migrations, run by CloudFormation on deploy. */
    MIGRATOR("migrator", "MigratorFunction", "com.flightwatch.migrator.MigratorHandler::handleRequest", 1024, 300,
            "Migrates the database schema on every deploy that changes the migrations");

    private final String moduleName;
    private final String constructId;
    private final String handler;
    private final int memoryMb;
    private final int timeoutSeconds;
    private final String description;

    FlightwatchFunction(String moduleName, String constructId, String handler, int memoryMb, int timeoutSeconds,
            String description) {
        this.moduleName = moduleName;
        this.constructId = constructId;
        this.handler = handler;
        this.memoryMb = memoryMb;
        this.timeoutSeconds = timeoutSeconds;
        this.description = description;
    }

    /** The Maven module directory under {@code functions/}, also the jar's base name. */
    public String moduleName() {
        return moduleName;
    }

    public String constructId() {
        return constructId;
    }

    public String handler() {
        return handler;
    }

    public int memoryMb() {
        return memoryMb;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    public String description() {
        return description;
    }

    /** Serves traffic (API, topic, schedule) behind the {@code live} alias; the migrator only runs on deploys. */
    public boolean servesTraffic() {
        return this != MIGRATOR;
    }

    /** The module's path relative to the repository root, as Maven's {@code -pl} takes it. */
    public String modulePath() {
        return "functions/" + moduleName;
    }

    /** The self-contained jar the module's {@code package} phase writes: the Lambda deployment artifact. */
    public Path jarIn(Path repositoryRoot) {
        return repositoryRoot.resolve(modulePath()).resolve("target").resolve(moduleName + ".jar");
    }
}
