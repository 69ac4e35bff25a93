package com.flightwatch.e2e.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * SNS Query API calls ({@code POST /}, form-encoded) with at most one thing wrong, each with the
 * error codes SNS answers for it: no Action ({@code MissingAction}), an unknown one
 * ({@code InvalidAction}), a missing or malformed TopicArn ({@code InvalidParameter}), a topic that
 * does not exist ({@code NotFound}, 404), an empty message or one over 256 KB, a bad subject or
 * message structure ({@code InvalidParameter}), a bad message attribute
 * ({@code ParameterValueInvalid}), and PublishBatch's own: no entries, 11, duplicate or malformed
 * ids, over 256 KB in all.
 *
 * @param expectedCodes the codes of which SNS answers one; empty when the call is valid
 * @param parameters    values starting with {@code %RAW%} are sent as they are, not form-encoded
 */
record SnsCalls(String description, Map<String, String> parameters, int expectedStatus, Set<String> expectedCodes) {

    /** The expected status of a call whose right answer SNS does not document: any answer but a 5xx. */
    static final int ANY_CLEAN = 0;

    static final int MESSAGE_LIMIT = 256 * 1024;
    private static final Set<String> INVALID_PARAMETER = Set.of("InvalidParameter");
    private static final List<String> BAD_ARNS = List.of("", "not-an-arn", "arn:aws:sns:us-east-1:123:short-account",
            "arn:aws:sqs:us-east-1:123456789012:queue", "arn:aws:sns:us-east-1:123456789012:", "arn:aws:sns:us-east-1:123456789012:has space",
            "arn:aws:sns:us-east-1:123456789012:" + "a".repeat(257), "'; DROP TABLE platform_topics; --", "{{topic}}",
            "arn:aws:sns:us-east-1:123456789012:t\u00e9", "arn:aws:sns:::x");

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(description).append(" ->");
        parameters.forEach((name, value) -> text.append(' ').append(name).append('=')
                .append(value.length() > 80 ? value.substring(0, 80) + "…(" + value.length() + ")" : value));
        return text.toString();
    }

    String formBody() {
        StringBuilder body = new StringBuilder();
        parameters.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(encode(name)).append('=')
                .append(value.startsWith("%RAW%") ? value.substring(5) : encode(value)));
        return body.toString();
    }

    static SnsCalls generate(String topicArn, Random random) {
        Map<String, String> call = new LinkedHashMap<>();
        String action = List.of("Publish", "Publish", "PublishBatch", "CreateTopic", "GetTopicAttributes", "ListTopics",
                "ListSubscriptionsByTopic").get(random.nextInt(7));
        call.put("Action", action);
        switch (action) {
            case "Publish" -> {
                call.put("TopicArn", topicArn);
                call.put("Message", message(random));
            }
            case "PublishBatch" -> {
                call.put("TopicArn", topicArn);
                addEntries(call, 1 + random.nextInt(10), 0, random);
            }
            case "CreateTopic" -> call.put("Name", "fuzz-" + random.nextInt(20));
            case "ListTopics" -> { }
            default -> call.put("TopicArn", topicArn);
        }
        int fault = random.nextInt(12);
        if (fault == 0) {
            call.remove("Action");
            return new SnsCalls("no Action", call, 400, Set.of("MissingAction"));
        }
        if (fault == 1) {
            call.put("Action", List.of("publish", "Publish2", "DeleteEverything", "", "CreateTopic;", "{{Action}}")
                    .get(random.nextInt(6)));
            return call.get("Action").isEmpty() ? new SnsCalls("empty Action", call, 400, Set.of("MissingAction"))
                    : new SnsCalls("unknown Action", call, 400, Set.of("InvalidAction"));
        }
        if (fault == 2 && call.containsKey("TopicArn")) {
            call.put("TopicArn", BAD_ARNS.get(random.nextInt(BAD_ARNS.size())));
            return new SnsCalls("malformed TopicArn", call, 400, INVALID_PARAMETER);
        }
        if (fault == 3 && call.containsKey("TopicArn")) {
            call.put("TopicArn", "arn:aws:sns:us-east-1:123456789012:fuzz-missing-" + random.nextInt(1000));
            return new SnsCalls("unknown topic", call, 404, Set.of("NotFound"));
        }
        if (fault == 4 && action.equals("CreateTopic")) {
            call.put("Name", List.of("", "has space", "a".repeat(257), "é", "dot.name", "x.fifo.fifo", "'; --").get(random.nextInt(7)));
            return new SnsCalls("bad topic name", call, 400, INVALID_PARAMETER);
        }
        if (action.equals("Publish") && fault >= 4 && fault <= 9) {
            return publishFault(call, fault, random);
        }
        if (action.equals("PublishBatch") && fault >= 4) {
            return batchFault(call, fault, random);
        }
        return new SnsCalls("valid " + action, call, 200, Set.of());
    }

    private static SnsCalls publishFault(Map<String, String> call, int fault, Random random) {
        switch (fault) {
            case 4 -> {
                if (random.nextBoolean()) {
                    call.remove("Message");
                } else {
                    call.put("Message", "");
                }
                return new SnsCalls("no message", call, 400, INVALID_PARAMETER);
            }
            case 5 -> {
                call.put("Message", "m".repeat(MESSAGE_LIMIT + 1 + random.nextInt(100)));
                return new SnsCalls("message over 256 KB", call, 400, INVALID_PARAMETER);
            }
            case 6 -> {
                call.put("Subject", List.of("", "line\nbreak", "s".repeat(101), "\u0000", "tab\there").get(random.nextInt(5)));
                return new SnsCalls("bad subject", call, 400, INVALID_PARAMETER);
            }
            case 7 -> {
                call.put("MessageAttributes.entry.1.Name", random.nextBoolean() ? "attr" : "");
                call.put("MessageAttributes.entry.1.Value.DataType", List.of("Foo", "String", "", "Number.").get(random.nextInt(4)));
                if (random.nextBoolean() || call.get("MessageAttributes.entry.1.Value.DataType").equals("String")) {
                    call.put("MessageAttributes.entry.1.Value.StringValue", "");
                }
                return new SnsCalls("bad message attribute", call, 400, Set.of("ParameterValueInvalid", "InvalidParameterValue"));
            }
            case 9 -> {
                // The form decoder meets a malformed escape: SNS's answer is not documented, any clean one will do.
                call.put("Message", "%RAW%" + List.of("%ZZ", "%", "%E9", "a%2", "%FF%FE").get(random.nextInt(5)));
                return new SnsCalls("malformed escape in Message", call, ANY_CLEAN, Set.of());
            }
            default -> {
                call.put("MessageStructure", "json");
                call.put("Message", List.of("not json", "{\"sms\": \"no default\"}", "[]", "{\"default\": 5}").get(random.nextInt(4)));
                return new SnsCalls("bad json message structure", call, 400, INVALID_PARAMETER);
            }
        }
    }

    private static SnsCalls batchFault(Map<String, String> call, int fault, Random random) {
        call.keySet().removeIf(name -> name.startsWith("PublishBatchRequestEntries"));
        switch (fault % 5) {
            case 0 -> {
                return new SnsCalls("batch without entries", call, 400, Set.of("EmptyBatchRequest"));
            }
            case 1 -> {
                addEntries(call, 11 + random.nextInt(5), 0, random);
                return new SnsCalls("batch of more than 10", call, 400, Set.of("TooManyEntriesInBatchRequest"));
            }
            case 2 -> {
                addEntries(call, 2 + random.nextInt(8), 0, random);
                call.put("PublishBatchRequestEntries.member.2.Id", call.get("PublishBatchRequestEntries.member.1.Id"));
                return new SnsCalls("batch with duplicate ids", call, 400, Set.of("BatchEntryIdsNotDistinct"));
            }
            case 3 -> {
                addEntries(call, 1 + random.nextInt(10), 0, random);
                call.put("PublishBatchRequestEntries.member.1.Id", List.of("has space", "a".repeat(81), "é", "id.dot", "")
                        .get(random.nextInt(5)));
                return new SnsCalls("batch with a malformed id", call, 400, Set.of("InvalidBatchEntryId"));
            }
            default -> {
                addEntries(call, 2 + random.nextInt(9), MESSAGE_LIMIT / 2 + 1, random);
                return new SnsCalls("batch over 256 KB in all", call, 400, Set.of("BatchRequestTooLong"));
            }
        }
    }

    /**
     * {@code count} entries with distinct ids; each message at least {@code minLength} long, or, when
     * that is 0, short enough for the batch to stay within 256 KB in all.
     */
    private static void addEntries(Map<String, String> call, int count, int minLength, Random random) {
        for (int i = 1; i <= count; i++) {
            call.put("PublishBatchRequestEntries.member." + i + ".Id", "id-" + i);
            String message = message(random);
            if (minLength == 0 && message.getBytes(StandardCharsets.UTF_8).length > MESSAGE_LIMIT / count) {
                message = "m".repeat(1 + random.nextInt(MESSAGE_LIMIT / count));
            }
            call.put("PublishBatchRequestEntries.member." + i + ".Message",
                    minLength > message.length() ? message + "m".repeat(minLength - message.length()) : message);
        }
    }

    /** A message SNS takes: hostile text (not blank), a short one, or a long one up to the limit. */
    private static String message(Random random) {
        return switch (random.nextInt(4)) {
            case 0, 1 -> {
                String text = HostileValues.STRINGS.get(random.nextInt(HostileValues.STRINGS.size()));
                yield text.isBlank() ? "blank" : text;
            }
            case 2 -> "Flight UA123 is delayed 😀 — " + random.nextInt();
            default -> "m".repeat(1 + random.nextInt(MESSAGE_LIMIT - 1));
        };
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
