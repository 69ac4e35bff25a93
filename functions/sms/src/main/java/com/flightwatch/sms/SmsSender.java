package com.flightwatch.sms;

/** Sends one text message to one phone. */
public interface SmsSender {

    /**
     * @return the carrier's message id
     * @throws SmsRejectedException when the carrier refuses this message for good (bad or opted-out number)
     * @throws SmsUnavailableException when sending failed for now and may work later
     */
    String send(String phoneNumber, String message);
}
