package com.flightwatch.platform.sns;

/** A PublishBatch request holds more than ten entries. HTTP 400. */
public class TooManyEntriesInBatchRequestException extends SnsException {

    public TooManyEntriesInBatchRequestException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "TooManyEntriesInBatchRequest";
    }
}
