package com.flightwatch.platform.sns;

/** A PublishBatch request holds no entries. HTTP 400. */
public class EmptyBatchRequestException extends SnsException {

    public EmptyBatchRequestException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "EmptyBatchRequest";
    }
}
