package com.flightwatch.platform.sns;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks SNS makes on a request before acting on it, with SNS's error codes and wording. */
final class SnsRequests {

    static final int MAX_BATCH_ENTRIES = 10;
    private static final int MAX_MESSAGE_BYTES = 256 * 1024;
    private static final int MAX_SUBJECT_LENGTH = 100;
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}|[A-Za-z0-9_-]{1,251}\\.fifo");
    private static final Pattern TOPIC_ARN = Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_.-]{1,256}");
    private static final Pattern BATCH_ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern SENDER_ID = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9]{1,11}");
    private static final Pattern ATTRIBUTE_TYPE = Pattern.compile("(String|Number|Binary)(\\.[^\\s]{1,256})?");

    private SnsRequests() {
    }

    static String topicName(String name) {
        if (name == null || !TOPIC_NAME.matcher(name).matches()) {
            throw new InvalidParameterException("Invalid parameter: Topic Name");
        }
        return name;
    }

    static String topicArn(String topicArn, String parameter) {
        if (topicArn == null || topicArn.isEmpty()) {
            throw new InvalidParameterException("Invalid parameter: " + parameter + " Reason: no value for required parameter");
        }
        if (!TOPIC_ARN.matcher(topicArn).matches()) {
            throw new InvalidParameterException("Invalid parameter: " + parameter);
        }
        return topicArn;
    }

    static void message(String message) {
        if (message == null || message.isEmpty()) {
            throw new InvalidParameterException("Invalid parameter: Empty message");
        }
        if (message.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw new InvalidParameterException("Invalid parameter: Message too long");
        }
    }

    static void subject(String subject) {
        if (subject == null) {
            return;
        }
        boolean printable = subject.chars().allMatch(c -> c >= 0x20 && c != 0x7f);
        if (subject.isEmpty() || subject.length() > MAX_SUBJECT_LENGTH || !printable) {
            throw new InvalidParameterException("Invalid parameter: Subject");
        }
    }

    static void attributes(Map<String, MessageAttribute> attributes) {
        for (Map.Entry<String, MessageAttribute> attribute : attributes.entrySet()) {
            String name = attribute.getKey();
            MessageAttribute value = attribute.getValue();
            if (name == null || name.isEmpty() || name.length() > 256) {
                throw new ParameterValueInvalidException("A message attribute name must be 1 to 256 characters long.");
            }
            if (value == null || value.type() == null || !isKnownType(value.type())) {
                throw new ParameterValueInvalidException("The message attribute '" + name + "' has an invalid message"
                        + " attribute type, the set of supported type prefixes is Binary, Number, and String.");
            }
            if (value.value() == null || value.value().isEmpty()) {
                throw new ParameterValueInvalidException("The message attribute '" + name
                        + "' must contain non-empty message attribute value for message attribute type '" + value.type() + "'.");
            }
        }
    }

    /** SNS's rules for the SMS attributes: a sender id of 1 to 11 letters and digits, and one of two types. */
    static void smsAttributes(String senderId, String smsType) {
        if (senderId != null && !SENDER_ID.matcher(senderId).matches()) {
            throw new InvalidParameterException("Invalid parameter: SenderID Reason: 1 to 11 letters and digits,"
                    + " at least one of them a letter");
        }
        if (smsType != null && !smsType.equals("Promotional") && !smsType.equals("Transactional")) {
            throw new InvalidParameterException("Invalid parameter: SMSType Reason: must be Promotional or Transactional");
        }
    }

    static void batch(List<BatchEntry> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new EmptyBatchRequestException("The batch request doesn't contain any entries.");
        }
        if (entries.size() > MAX_BATCH_ENTRIES) {
            throw new TooManyEntriesInBatchRequestException("The batch request contains more entries than permissible.");
        }
        Set<String> ids = new HashSet<>();
        long totalBytes = 0;
        for (BatchEntry entry : entries) {
            totalBytes += entry.message() == null ? 0 : entry.message().getBytes(StandardCharsets.UTF_8).length;
        }
        // SNS's limit is on the batch as a whole too: "the sum of the individual lengths of all of the batched messages".
        if (totalBytes > MAX_MESSAGE_BYTES) {
            throw new BatchRequestTooLongException("The length of all the batch messages put together is more than the limit.");
        }
        for (BatchEntry entry : entries) {
            if (entry.id() == null || !BATCH_ENTRY_ID.matcher(entry.id()).matches()) {
                throw new InvalidBatchEntryIdException("A batch entry id can only contain alphanumeric characters,"
                        + " hyphens and underscores. It can be at most 80 letters long.");
            }
            if (!ids.add(entry.id())) {
                throw new BatchEntryIdsNotDistinctException("Two or more batch entries in the request have the same Id.");
            }
        }
    }

    private static boolean isKnownType(String type) {
        return type.equals("String.Array") || ATTRIBUTE_TYPE.matcher(type).matches();
    }
}
