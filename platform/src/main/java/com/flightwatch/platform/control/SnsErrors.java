package com.flightwatch.platform.control;

import com.flightwatch.platform.sns.SnsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place a failure becomes SNS's error answer: HTTP status, fault type, error code and message. */
final class SnsErrors {

    record SnsError(int status, String type, String code, String message) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SnsErrors.class);

    private SnsErrors() {
    }

    static SnsError of(Throwable failure) {
        if (failure instanceof SnsException notFound && "NotFound".equals(notFound.errorCode())) {
            return new SnsError(404, "Sender", notFound.errorCode(), notFound.getMessage());
        }
        if (failure instanceof SnsException refused) {
            return new SnsError(400, "Sender", refused.errorCode(), refused.getMessage());
        }
        // Not the caller's fault: the details go to the log, not to the caller.
        LOG.error("SNS request failed inside the platform", failure);
        return new SnsError(500, "Receiver", "InternalError", "The platform could not process the request; see its log");
    }
}
