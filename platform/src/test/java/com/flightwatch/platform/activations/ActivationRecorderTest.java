package com.flightwatch.platform.activations;

import static org.assertj.core.api.Assertions.assertThat;

import com.flightwatch.platform.lambda.FunctionHost;
import com.flightwatch.platform.lambda.InvocationDetails;
import com.flightwatch.platform.lambda.InvocationMdc;
import com.flightwatch.platform.lambda.InvocationResult;
import com.flightwatch.platform.lambda.InvocationStatus;
import com.flightwatch.platform.lambda.InvocationType;
import com.flightwatch.platform.stack.FunctionSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ActivationRecorderTest {

    private static final Instant NOW = Instant.parse("2026-11-24T05:00:00Z");

    private final InMemoryActivationStore store = new InMemoryActivationStore(100);
    private final FakeHost host = new FakeHost();
    private final ActivationRecorder recorder = new ActivationRecorder(host, store, ActivationRecorder.TOPIC,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void invoke_withTypeAndCause_recordsCauseVersionRuntimeMemoryAndWaitTime() {
        InvocationResult result = recorder.invoke("sms", bytes("{}"), InvocationType.EVENT, "message-42");

        Activation activation = store.find(result.requestId()).orElseThrow();
        assertThat(host.types).containsExactly(InvocationType.EVENT);
        assertThat(activation.cause()).isEqualTo("message-42");
        assertThat(activation.trigger()).isEqualTo("topic");
        assertThat(activation.version()).isEqualTo("$LATEST");
        assertThat(activation.kind()).isEqualTo("java21");
        assertThat(activation.memoryLimitMb()).isEqualTo(256);
        assertThat(activation.waitTimeMs()).isEqualTo(40);
        assertThat(activation.initDurationMs()).isEqualTo(300);
        assertThat(activation.durationMs()).isEqualTo(360);
        assertThat(activation.result()).isEqualTo("\"ok\"");
        assertThat(activation.logs()).isEqualTo("hello\n");
    }

    @Test
    void invoke_endsWhenTheAnswerArrives_startIsEndMinusDuration() {
        InvocationResult result = recorder.invoke("sms", bytes("{}"));

        Activation activation = store.find(result.requestId()).orElseThrow();
        assertThat(activation.end()).isEqualTo(NOW);
        assertThat(activation.start()).isEqualTo(NOW.minusMillis(360));
        assertThat(activation.cause()).isNull();
        assertThat(host.types).containsExactly(InvocationType.REQUEST_RESPONSE);
    }

    @Test
    void invoke_functionUnknownToTheHostsSpecs_recordsWithoutRuntimeAndMemory() {
        host.spec = null;

        InvocationResult result = recorder.invoke("sms", bytes("{}"));

        Activation activation = store.find(result.requestId()).orElseThrow();
        assertThat(activation.kind()).isNull();
        assertThat(activation.memoryLimitMb()).isNull();
    }

    @Test
    void invoke_withListener_tellsItTheStoredRecordWithTheActivationIdInTheLoggingContext() {
        List<Activation> heard = new ArrayList<>();
        List<String> contextIds = new ArrayList<>();
        ActivationRecorder listened = new ActivationRecorder(host, store, ActivationRecorder.GATEWAY,
                Clock.fixed(NOW, ZoneOffset.UTC), activation -> {
                    heard.add(activation);
                    contextIds.add(MDC.get(InvocationMdc.KEY));
                });

        InvocationResult result = listened.invoke("sms", bytes("{}"));

        assertThat(heard).containsExactly(store.find(result.requestId()).orElseThrow());
        assertThat(contextIds).containsExactly(result.requestId());
        assertThat(MDC.get(InvocationMdc.KEY)).as("cleared after the invocation").isNull();
    }

    @Test
    void invoke_listenerThrows_stillAnswersAndRecords() {
        ActivationRecorder listened = new ActivationRecorder(host, store, ActivationRecorder.GATEWAY,
                Clock.fixed(NOW, ZoneOffset.UTC), activation -> {
                    throw new IllegalStateException("listener broken");
                });

        InvocationResult result = listened.invoke("sms", bytes("{}"));

        assertThat(result.succeeded()).isTrue();
        assertThat(store.find(result.requestId())).isPresent();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A host that answers every invocation the same way, as the real hosts measure it: 400 ms from the
     * call to the answer, of which 340 ms before the handler ran (40 ms queued, then a 300 ms cold start).
     */
    private static final class FakeHost implements FunctionHost {
        final List<InvocationType> types = new ArrayList<>();
        FunctionSpec spec = new FunctionSpec("Sms", "sms", "example.Sms::handle", "java21", 256, 5, Map.of(), Path.of("."));
        private int count;

        @Override
        public InvocationDetails invokeWithLogs(String functionName, byte[] eventJson, InvocationType type) {
            types.add(type);
            InvocationResult result = new InvocationResult("request-" + ++count, InvocationStatus.SUCCESS,
                    bytes("\"ok\""), null, null, 400);
            return new InvocationDetails(result, "hello\n", 300, 340);
        }

        @Override
        public void deploy(FunctionSpec spec) {
        }

        @Override
        public boolean undeploy(String functionName) {
            return false;
        }

        @Override
        public Set<String> functionNames() {
            return Set.of("sms");
        }

        @Override
        public Optional<FunctionSpec> function(String functionName) {
            return Optional.ofNullable(spec);
        }

        @Override
        public void close() {
        }
    }
}
