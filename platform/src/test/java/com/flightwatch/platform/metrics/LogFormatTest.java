package com.flightwatch.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flightwatch.platform.lambda.InvocationMdc;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Swaps the console's encoder of this JVM's logging, and puts the one logback-test.xml set back after each test. */
class LogFormatTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>)
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
    private Encoder<ILoggingEvent> original;

    @BeforeEach
    void keepTheTextEncoder() {
        original = console.getEncoder();
    }

    @AfterEach
    void restoreTheTextEncoder() {
        console.stop();
        console.setEncoder(original);
        console.start();
    }

    @Test
    void apply_json_givesTheConsoleLogbacksJsonEncoder() {
        LogFormat.JSON.apply(context);

        assertThat(console.getEncoder()).isInstanceOf(JsonEncoder.class);
        assertThat(console.isStarted()).isTrue();
    }

    @Test
    void apply_text_keepsTheConfiguredPattern() {
        LogFormat.TEXT.apply(context);

        assertThat(console.getEncoder()).isSameAs(original);
    }

    @Test
    void json_lineAboutAnInvocation_isOneObjectCarryingTheActivationId() throws Exception {
        LogFormat.JSON.apply(context);
        Logger logger = context.getLogger("com.flightwatch.platform.lambda.ThreadInvoker");

        String output = capturingStdout(() -> {
            try (InvocationMdc.Scope ignored = InvocationMdc.put("3f1c-activation")) {
                logger.warn("Init of function {} failed with {}", "flights", "java.lang.IllegalStateException");
            }
            logger.info("Deployed flights");
        });

        String[] lines = output.strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode about = new ObjectMapper().readTree(lines[0]);
        assertThat(about.path("level").asText()).isEqualTo("WARN");
        assertThat(about.path("loggerName").asText()).isEqualTo("com.flightwatch.platform.lambda.ThreadInvoker");
        assertThat(about.path("formattedMessage").asText())
                .isEqualTo("Init of function flights failed with java.lang.IllegalStateException");
        assertThat(about.path("mdc").path("activationId").asText()).isEqualTo("3f1c-activation");
        assertThat(new ObjectMapper().readTree(lines[1]).path("mdc").has("activationId")).as("cleared after").isFalse();
    }

    @Test
    void parse_acceptsEitherCase_refusesOthersNamingTheOption() {
        assertThat(LogFormat.parse("JSON")).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.parse("text")).isEqualTo(LogFormat.TEXT);
        assertThatThrownBy(() -> LogFormat.parse("xml")).hasMessageContaining("--log-format")
                .hasMessageContaining("xml");
    }

    private static String capturingStdout(Runnable logging) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            logging.run();
        } finally {
            System.setOut(stdout);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
