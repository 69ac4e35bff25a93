package com.flightwatch.platform.sns;

/** Two entries of a PublishBatch request share an Id. HTTP 400. */
public class BatchEntryIdsNotDistinctException extends SnsException {

    public BatchEntryIdsNotDistinctException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "BatchEntryIdsNotDistinct";
    }
}
