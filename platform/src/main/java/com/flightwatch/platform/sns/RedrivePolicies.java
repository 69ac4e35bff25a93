package com.flightwatch.platform.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;

/** A subscription's {@code RedrivePolicy}: {@code {"deadLetterTargetArn": "arn:aws:sqs:region:account:name"}}. */
final class RedrivePolicies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern QUEUE_ARN =
            Pattern.compile("arn:aws[a-z-]*:sqs:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,80}(\\.fifo)?");

    private RedrivePolicies() {
    }

    /** @throws InvalidParameterException as SNS when the policy is not an object naming a target */
    static void validate(String policy) {
        String target = deadLetterTargetArnOrNull(policy);
        if (target == null) {
            throw new InvalidParameterException("Invalid parameter: RedrivePolicy: Redrive policy must be a JSON object"
                    + " with a deadLetterTargetArn");
        }
        if (!QUEUE_ARN.matcher(target).matches()) {
            throw new InvalidParameterException("Invalid parameter: RedrivePolicy: deadLetterTargetArn is an invalid arn");
        }
    }

    /** The queue's name: the last part of its ARN. */
    static String queueName(String queueArn) {
        return queueArn.substring(queueArn.lastIndexOf(':') + 1);
    }

    /** The target of a stored policy; null when there is no policy (or, never stored, an unreadable one). */
    static String deadLetterTargetArn(String policy) {
        return policy == null || policy.isEmpty() ? null : deadLetterTargetArnOrNull(policy);
    }

    private static String deadLetterTargetArnOrNull(String policy) {
        try {
            JsonNode node = JSON.readTree(policy);
            JsonNode target = node == null ? null : node.path("deadLetterTargetArn");
            return target != null && target.isTextual() && !target.textValue().isEmpty() ? target.textValue() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
