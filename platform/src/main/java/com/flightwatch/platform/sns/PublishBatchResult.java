package com.flightwatch.platform.sns;

import java.util.List;

/** What PublishBatch answers: each entry either succeeded, with its message id, or failed, with SNS's error code. */
public record PublishBatchResult(List<Success> successful, List<Failure> failed) {

    public record Success(String id, String messageId) {
    }

    public record Failure(String id, String code, String message, boolean senderFault) {
    }
}
