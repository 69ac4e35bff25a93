package com.flightwatch.platform.sns;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SnsRequestsTest {

    @Test
    void topicName_whenLettersDigitsHyphensUnderscores_accepts() {
        assertThatCode(() -> SnsRequests.topicName("flight-alerts_2")).doesNotThrowAnyException();
        assertThatCode(() -> SnsRequests.topicName("orders.fifo")).doesNotThrowAnyException();
    }

    @Test
    void topicName_whenSpacesOrTooLong_throwsInvalidParameter() {
        assertThatThrownBy(() -> SnsRequests.topicName("flight alerts")).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> SnsRequests.topicName("a".repeat(257))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> SnsRequests.topicName(null)).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void topicArn_whenNotAnSnsArn_throwsInvalidParameter() {
        assertThatThrownBy(() -> SnsRequests.topicArn("arn:aws:sqs:us-east-1:000000000000:q", "TopicArn"))
                .isInstanceOf(InvalidParameterException.class).hasMessage("Invalid parameter: TopicArn");
    }

    @Test
    void message_whenEmpty_throwsInvalidParameter() {
        assertThatThrownBy(() -> SnsRequests.message("")).isInstanceOf(InvalidParameterException.class)
                .hasMessage("Invalid parameter: Empty message");
    }

    @Test
    void message_whenOver256KiB_throwsInvalidParameter() {
        assertThatThrownBy(() -> SnsRequests.message("x".repeat(256 * 1024 + 1))).isInstanceOf(InvalidParameterException.class);
        assertThatCode(() -> SnsRequests.message("x".repeat(256 * 1024))).doesNotThrowAnyException();
    }

    @Test
    void subject_whenOver100CharactersOrMultiline_throwsInvalidParameter() {
        assertThatThrownBy(() -> SnsRequests.subject("s".repeat(101))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> SnsRequests.subject("two\nlines")).isInstanceOf(InvalidParameterException.class);
        assertThatCode(() -> SnsRequests.subject(null)).doesNotThrowAnyException();
    }

    @Test
    void attributes_whenUnknownTypeOrEmptyValue_throwsParameterValueInvalid() {
        assertThatThrownBy(() -> SnsRequests.attributes(Map.of("a", new MessageAttribute("Date", "x"))))
                .isInstanceOf(ParameterValueInvalidException.class);
        assertThatThrownBy(() -> SnsRequests.attributes(Map.of("a", new MessageAttribute("String", ""))))
                .isInstanceOf(ParameterValueInvalidException.class);
        assertThatCode(() -> SnsRequests.attributes(Map.of("a", new MessageAttribute("Number.float", "1.5"),
                "b", new MessageAttribute("String.Array", "[\"x\"]")))).doesNotThrowAnyException();
    }

    @Test
    void batch_whenEmptyTooLargeDuplicateOrBadId_throwsTheMatchingError() {
        assertThatThrownBy(() -> SnsRequests.batch(List.of())).isInstanceOf(EmptyBatchRequestException.class);
        assertThatThrownBy(() -> SnsRequests.batch(IntStream.range(0, 11).mapToObj(i -> entry("e" + i)).toList()))
                .isInstanceOf(TooManyEntriesInBatchRequestException.class);
        assertThatThrownBy(() -> SnsRequests.batch(List.of(entry("a"), entry("a"))))
                .isInstanceOf(BatchEntryIdsNotDistinctException.class);
        assertThatThrownBy(() -> SnsRequests.batch(List.of(entry("bad id"))))
                .isInstanceOf(InvalidBatchEntryIdException.class);
        assertThatCode(() -> SnsRequests.batch(Collections.nCopies(1, entry("ok-1_A")))).doesNotThrowAnyException();
    }

    @Test
    void batch_whenMessagesAddUpToOver256Kb_throwsBatchRequestTooLong() {
        BatchEntry half = new BatchEntry("a", null, "m".repeat(128 * 1024), Map.of());
        BatchEntry halfAndOne = new BatchEntry("b", null, "m".repeat(128 * 1024 + 1), Map.of());

        assertThatThrownBy(() -> SnsRequests.batch(List.of(half, halfAndOne))).isInstanceOf(BatchRequestTooLongException.class);
        assertThatCode(() -> SnsRequests.batch(List.of(half, new BatchEntry("c", null, "m".repeat(128 * 1024), Map.of()))))
                .doesNotThrowAnyException();
    }

    @Test
    void smsAttributes_whenSenderIdTooLongOrTypeUnknown_throwsInvalidParameter() {
        assertThatThrownBy(() -> SnsRequests.smsAttributes("FlightwatchX", null)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> SnsRequests.smsAttributes(null, "Urgent")).isInstanceOf(InvalidParameterException.class);
        assertThatCode(() -> SnsRequests.smsAttributes("Flightwatch", "Transactional")).doesNotThrowAnyException();
    }

    private static BatchEntry entry(String id) {
        return new BatchEntry(id, null, "m", Map.of());
    }
}
