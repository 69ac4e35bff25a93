package com.flightwatch.platform.sns;

/** One attempt to hand a message to a subscriber of one protocol. */
interface SubscriberDelivery {

    /**
     * @return null when the subscriber took the message, else why not (for the retry's log and the dead letter)
     * @throws RuntimeException also a failed attempt
     */
    String deliver(Delivery delivery);
}
