package com.flightwatch.sms;

import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.SnsException;

/** {@link SmsSender} through SNS's direct-to-phone publish. */
public final class SnsSmsSender implements SmsSender {

    /** Transactional SMS are delivered with priority and are allowed to opted-in numbers at any hour. */
    private static final Map<String, MessageAttributeValue> TRANSACTIONAL = Map.of(
            "AWS.SNS.SMS.SMSType", MessageAttributeValue.builder().dataType("String").stringValue("Transactional").build());

    private final SnsClient sns;

    public SnsSmsSender(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public String send(String phoneNumber, String message) {
        PublishRequest request = PublishRequest.builder()
                .phoneNumber(phoneNumber)
                .message(message)
                .messageAttributes(TRANSACTIONAL)
                .build();
        try {
            return sns.publish(request).messageId();
        } catch (SnsException e) {
            if (isPermanent(e)) {
                throw new SmsRejectedException(e.awsErrorDetails() == null ? e.getMessage()
                        : e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage(), e);
            }
            throw new SmsUnavailableException("SNS answered " + e.statusCode(), e);
        } catch (SdkClientException e) {
            throw new SmsUnavailableException("SNS unreachable: " + e.getMessage(), e);
        }
    }

    /** A 4xx is about this message (invalid or opted-out number), unless it is throttling. */
    static boolean isPermanent(SnsException e) {
        return e.statusCode() >= 400 && e.statusCode() < 500 && e.statusCode() != 429 && !e.isThrottlingException();
    }
}
