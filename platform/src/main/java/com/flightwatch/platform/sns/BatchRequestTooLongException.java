package com.flightwatch.platform.sns;

/** The messages of a PublishBatch request add up to more than 256 KB (each may be 256 KB alone). HTTP 400. */
public class BatchRequestTooLongException extends SnsException {

    public BatchRequestTooLongException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "BatchRequestTooLong";
    }
}
