package com.flightwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.e2e.console.Chromium;
import com.flightwatch.e2e.console.ConsolePage;
import com.flightwatch.e2e.console.FailingSubscriber;
import com.flightwatch.platform.stack.FunctionSpec;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The web console in headless Chromium against the platform running Flightwatch's synthesized
 * stack: traffic through the API shows up as activations (with their logs), SMS in the outbox
 * view, and a message that a failing http subscriber never takes becomes a dead letter that the
 * console redrives. Screenshots go to target/console-screenshots.
 */
class ConsoleBrowserIT {

    /** Long enough for the platform's 3 retries (1 s, 2 s, 4 s) of the failing subscriber, and a slow machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String FAILING_TOPIC = "console-always-fails";
    private static final String FLIGHT = "FW101";
    private static final String DATE = "2026-12-30";
    private static final List<String> PHONES = List.of("+14155550131", "+14155550132");

    private static RunningPlatform platform;
    private static FailingSubscriber subscriber;
    private static ChromeDriver browser;
    private static ConsolePage console;

    @BeforeAll
    static void start() {
        Chromium.ensureInstalled();
        platform = RunningPlatform.start("e2e-console");
        subscriber = new FailingSubscriber();
        Path profile = Path.of("target", "console-chromium-profile").toAbsolutePath();
        TestDirectories.deleteRecursively(profile);
        browser = Chromium.start(profile);
        console = new ConsolePage(browser, platform.platform().controlUrl(), SCREENSHOTS, PATIENCE);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (subscriber != null) {
            subscriber.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void console_afterFlightwatchTraffic_showsActivationsLogsSmsAndRedrivesADeadLetter() throws Exception {
        // Started first: its retries run while the rest of the scenario does.
        publishToAFailingSubscriber();
        String flights = functionWithHandler("FlightsHandler");
        String alerts = functionWithHandler("AlertsHandler");
        String sms = functionWithHandler("SmsHandler");

        console.open();
        assertThat(console.functionNames(3)).contains(flights, alerts, sms);
        console.goTo("activations");
        // The list is open before the traffic: its rows must arrive by the live refresh, not by a reload.
        registerAndCancelFlight();
        console.waitForActivationOf(flights);
        console.waitForActivationOf(alerts);
        console.waitForActivationOf(sms);
        console.screenshot("console-activations");
        console.filterActivationsBy(sms);
        console.filterActivationsByStatus("SUCCESS");
        String smsActivation = console.waitForActivationOf(sms);
        assertThat(console.listedActivationFunctions()).containsOnly(sms);
        String logs = console.openActivationLogs(smsActivation);
        assertThat(logs).isNotBlank().isEqualTo(logsFromTheApi(smsActivation).strip());
        assertThat(logs).contains("1 sent, 0 failed");
        assertThat(console.activationResult()).isNotBlank();
        console.screenshot("console-activation");

        console.goTo("functions");
        assertThat(console.instancesOf(sms)).isPositive();
        console.screenshot("console-functions");

        console.goTo("sms");
        List<String> texts = console.smsTo(PHONES.get(0));
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0)).contains(FLIGHT).contains("CANCELLED");
        console.screenshot("console-sms");

        console.goTo("topics");
        assertThat(console.waitForDeadLetters(FAILING_TOPIC)).hasSize(1);
        console.screenshot("console-topics");
        subscriber.clearNotifications();
        assertThat(console.redriveAll(FAILING_TOPIC)).startsWith("1 dead letter of " + FAILING_TOPIC + " redriven");
        assertThat(subscriber.nextNotification(PATIENCE)).as("the redriven message, delivered again").isNotNull();

        console.goTo("api");
        String keyId = platform.platform().apis().get(0).keys().get(0).logicalId();
        assertThat(console.shownUsage(keyId, 2)).isGreaterThanOrEqualTo(2);
        assertThat(console.shownKeyValue(keyId)).doesNotContain(platform.apiKey());
        assertThat(console.pageText()).doesNotContain(platform.apiKey());
        console.screenshot("console-api");
    }

    /** A topic whose only subscriber answers every message 500: one publish ends as a dead letter. */
    private static void publishToAFailingSubscriber() throws Exception {
        try (SnsClient sns = platform.snsClient()) {
            String topicArn = sns.createTopic(r -> r.name(FAILING_TOPIC)).topicArn();
            sns.subscribe(r -> r.topicArn(topicArn).protocol("http").endpoint(subscriber.url()));
            subscriber.confirm(PATIENCE);
            sns.publish(r -> r.topicArn(topicArn).message("{\"note\": \"nobody takes this\"}"));
        }
    }

    private static void registerAndCancelFlight() {
        String passengers = String.join(",", PHONES.stream().map(phone -> """
                {"firstName": "Ada", "lastName": "Console", "email": "ada@example.com", "phone": "%s"}"""
                .formatted(phone)).toList());
        HttpResponse<String> registered = platform.post("/flights", """
                {"flightNumber": "%s", "departureDate": "%s", "origin": "JFK", "destination": "SFO",
                 "scheduledDeparture": "%sT08:30:00Z", "passengers": [%s]}""".formatted(FLIGHT, DATE, DATE, passengers));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        HttpResponse<String> notified = platform.post("/notifications", """
                {"flightNumber": "%s", "departureDate": "%s", "type": "CANCELLED", "reason": "Fog at SFO"}"""
                .formatted(FLIGHT, DATE));
        assertThat(notified.statusCode()).as(notified.body()).isEqualTo(202);
    }

    private static String functionWithHandler(String handlerClass) {
        return platform.platform().stack().functions().stream()
                .filter(function -> function.handler().contains(handlerClass))
                .map(FunctionSpec::name).findFirst()
                .orElseThrow(() -> new AssertionError("The stack has no function with handler " + handlerClass));
    }

    private static String logsFromTheApi(String activationId) {
        return platform.send(HttpRequest.newBuilder(URI.create(platform.platform().controlUrl()
                + "/_platform/activations/" + activationId + "/logs")).GET().build()).body();
    }
}
