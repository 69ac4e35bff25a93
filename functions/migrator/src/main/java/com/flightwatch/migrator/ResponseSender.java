package com.flightwatch.migrator;

/** Delivers a custom resource's answer to CloudFormation. */
@FunctionalInterface
public interface ResponseSender {

    /** @throws ResponseDeliveryException when CloudFormation did not take the answer */
    void send(String responseUrl, CustomResourceResponse response);
}
