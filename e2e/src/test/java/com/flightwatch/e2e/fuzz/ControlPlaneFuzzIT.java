package com.flightwatch.e2e.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bad input at scale against the control plane: Lambda's {@code Invoke} and function API and the
 * SNS Query API, with calls that have at most one thing wrong ({@link LambdaCalls},
 * {@link FunctionCalls}, {@link SnsCalls}). Each answers the error code AWS gives for it — never a
 * 5xx, never a hang. Tries per property: {@code -Dfuzz.tries} (200 by default).
 */
class ControlPlaneFuzzIT {

    private static final Logger LOG = LoggerFactory.getLogger(ControlPlaneFuzzIT.class);
    private static final Pattern SNS_CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Map<String, AtomicLong> figures = new ConcurrentHashMap<>();

    private static FuzzPlatform platform;
    private static String topicArn;
    private static String functionName;

    @BeforeContainer
    static void startPlatform() {
        platform = FuzzPlatform.start("fuzz-control");
        HttpResponse<String> created = platform.send(platform.control("/").timeout(FuzzPlatform.WARM_UP_TIMEOUT).header("content-type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("Action=CreateTopic&Name=fuzz-topic")).build());
        Matcher arn = Pattern.compile("<TopicArn>([^<]+)</TopicArn>").matcher(created.body());
        assertThat(arn.find()).as(created.body()).isTrue();
        topicArn = arn.group(1);
        JsonNode functions = ApiAnswers.json(platform.send(platform.control("/2015-03-31/functions/")
                .timeout(FuzzPlatform.WARM_UP_TIMEOUT).GET().build()).body());
        for (JsonNode function : functions.path("Functions")) {
            if (function.path("Handler").asText().contains("FlightsHandler")) {
                functionName = function.path("FunctionName").asText();
            }
        }
        assertThat(functionName).as("the stack's flights function in %s", functions).isNotNull();
        // The properties' 5 s are for answers, not for the function's cold start: it starts here.
        HttpResponse<String> warm = platform.send(platform.control("/2015-03-31/functions/" + functionName + "/invocations")
                .timeout(FuzzPlatform.WARM_UP_TIMEOUT).POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(warm.statusCode()).as(warm.body()).isEqualTo(200);
    }

    @AfterContainer
    static void stopPlatform() {
        if (platform != null) {
            Map<String, Long> counts = new TreeMap<>();
            figures.forEach((answer, count) -> counts.put(answer, count.get()));
            LOG.info("Control plane fuzzing: answers {}", counts);
            platform.close();
        }
    }

    @Property
    void invoke_generatedCall_answersAsLambdaDoes(@ForAll("invokeCalls") LambdaCalls call) {
        RawHttp.Answer answer = RawHttp.send(platform.controlUrl(), "POST", call.path().getBytes(StandardCharsets.US_ASCII),
                "none", call.invocationType() == null ? null : "X-Amz-Invocation-Type: " + call.invocationType(), call.payload());
        assertLambdaAnswer(call, answer, call.expectedStatus(), call.expectedType() == null ? List.of() : List.of(call.expectedType()));
    }

    @Property
    void functionApi_generatedCall_answersAsLambdaDoes(@ForAll("functionCalls") FunctionCalls call) {
        RawHttp.Answer answer = RawHttp.send(platform.controlUrl(), call.method(), call.path().getBytes(StandardCharsets.US_ASCII),
                "none", null, call.body());
        assertLambdaAnswer(call, answer, call.expectedStatus(), call.expectedTypes());
    }

    @Property
    void sns_generatedCall_answersAsSnsDoes(@ForAll("snsCalls") SnsCalls call) {
        HttpResponse<String> answer = platform.send(platform.control("/")
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(call.formBody())).build());
        String context = "\ncall: " + call + "\nanswer: " + answer.statusCode() + " " + ApiAnswers.abbreviate(answer.body());
        Matcher code = SNS_CODE.matcher(answer.body());
        String outcome = answer.statusCode() + (code.find() ? " " + code.group(1) : "");
        count("SNS " + outcome);
        assertThat(answer.statusCode()).as("a 5xx" + context).isLessThan(500);
        if (call.expectedStatus() == SnsCalls.ANY_CLEAN) {
            assertThat(answer.body()).as(context).contains("Response");
        } else if (call.expectedCodes().isEmpty()) {
            assertThat(answer.statusCode()).as(context).isEqualTo(200);
            assertThat(answer.body()).as(context).contains("<" + call.parameters().get("Action") + "Response");
        } else {
            assertThat(answer.statusCode()).as(context).isEqualTo(call.expectedStatus());
            assertThat(outcome).as(context).isIn(call.expectedCodes().stream().map(c -> call.expectedStatus() + " " + c).toList());
        }
    }

    @Provide
    Arbitrary<LambdaCalls> invokeCalls() {
        return Arbitraries.randomValue(random -> LambdaCalls.generate(functionName, random));
    }

    @Provide
    Arbitrary<FunctionCalls> functionCalls() {
        return Arbitraries.randomValue(FunctionCalls::generate);
    }

    @Provide
    Arbitrary<SnsCalls> snsCalls() {
        return Arbitraries.randomValue(random -> SnsCalls.generate(topicArn, random));
    }

    /** Lambda's error shape: the type in {@code x-amzn-ErrorType}, a JSON body with a message. */
    private static void assertLambdaAnswer(Object call, RawHttp.Answer answer, int expectedStatus, List<String> expectedTypes) {
        String context = "\ncall: " + call + "\nanswer: " + answer.status() + " " + ApiAnswers.abbreviate(answer.body());
        String type = errorType(answer.headers());
        count("Lambda " + answer.status() + (type == null ? "" : " " + type));
        assertThat(answer.status()).as("a 5xx" + context).isLessThan(500);
        assertThat(answer.status()).as(context).isEqualTo(expectedStatus);
        if (!expectedTypes.isEmpty()) {
            assertThat(type).as(context).isIn(expectedTypes.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList());
            assertThat(ApiAnswers.json(answer.body()).path("message").asText()).as(context).isNotBlank();
        }
    }

    private static String errorType(String headers) {
        Matcher type = Pattern.compile("\r\nx-amzn-errortype: *([^\r]*)").matcher(headers);
        return type.find() ? type.group(1).trim() : null;
    }

    private static void count(String outcome) {
        figures.computeIfAbsent(outcome, ignored -> new AtomicLong()).incrementAndGet();
    }
}
