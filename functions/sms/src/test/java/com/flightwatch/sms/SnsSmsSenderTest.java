package com.flightwatch.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.SnsException;

class SnsSmsSenderTest {

    /** Answers Publish with a message id, or throws what the test set. */
    private static final class FakeSns implements SnsClient {
        final List<PublishRequest> requests = new ArrayList<>();
        RuntimeException failure;

        @Override
        public PublishResponse publish(PublishRequest request) {
            requests.add(request);
            if (failure != null) {
                throw failure;
            }
            return PublishResponse.builder().messageId("sns-message-1").build();
        }

        @Override
        public String serviceName() {
            return "sns";
        }

        @Override
        public void close() {
        }
    }

    private final FakeSns sns = new FakeSns();
    private final SnsSmsSender sender = new SnsSmsSender(sns);

    @Test
    void send_publishesToThePhoneAsTransactionalSms() {
        String messageId = sender.send("+14155550100", "Hello");

        assertThat(messageId).isEqualTo("sns-message-1");
        PublishRequest request = sns.requests.get(0);
        assertThat(request.phoneNumber()).isEqualTo("+14155550100");
        assertThat(request.message()).isEqualTo("Hello");
        assertThat(request.topicArn()).isNull();
        assertThat(request.messageAttributes().get("AWS.SNS.SMS.SMSType").stringValue()).isEqualTo("Transactional");
    }

    @Test
    void send_invalidNumber_isRejectedWithTheCarriersReason() {
        sns.failure = error(400, "InvalidParameter", "Invalid parameter: PhoneNumber Reason: +1 is not valid");

        assertThatThrownBy(() -> sender.send("+1", "Hello"))
                .isInstanceOf(SmsRejectedException.class)
                .hasMessage("InvalidParameter: Invalid parameter: PhoneNumber Reason: +1 is not valid");
    }

    @Test
    void send_throttled_isUnavailable() {
        sns.failure = error(400, "Throttling", "Rate exceeded");

        assertThatThrownBy(() -> sender.send("+14155550100", "Hello")).isInstanceOf(SmsUnavailableException.class);
    }

    @Test
    void send_serverError_isUnavailable() {
        sns.failure = error(503, "ServiceUnavailable", "Try again");

        assertThatThrownBy(() -> sender.send("+14155550100", "Hello")).isInstanceOf(SmsUnavailableException.class);
    }

    @Test
    void send_unreachable_isUnavailable() {
        sns.failure = SdkClientException.create("Unable to execute HTTP request: Connection refused");

        assertThatThrownBy(() -> sender.send("+14155550100", "Hello")).isInstanceOf(SmsUnavailableException.class);
    }

    private static SnsException error(int status, String code, String message) {
        return (SnsException) SnsException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .message(message)
                .build();
    }
}
