package com.flightwatch.platform.sns;

/** A PublishBatch entry Id is empty, too long, or has characters other than letters, digits, - and _. HTTP 400. */
public class InvalidBatchEntryIdException extends SnsException {

    public InvalidBatchEntryIdException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "InvalidBatchEntryId";
    }
}
