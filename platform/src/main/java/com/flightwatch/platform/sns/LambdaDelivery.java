package com.flightwatch.platform.sns;

import com.flightwatch.platform.lambda.InvocationResult;
import com.flightwatch.platform.lambda.InvocationType;
import com.flightwatch.platform.lambda.Invoker;

/**
 * Hands a message to a subscribed function as SNS does: an asynchronous ({@code Event}) invocation
 * with the SNS event, so a function at its concurrency limit makes the delivery wait for capacity
 * instead of failing it; the message id is the invocation's cause in the activation record.
 */
final class LambdaDelivery implements SubscriberDelivery {

    private final Invoker invoker;
    private final SnsEventJson events;

    LambdaDelivery(Invoker invoker, SnsEventJson events) {
        this.invoker = invoker;
        this.events = events;
    }

    /** @return null when the function handled the event, else why not */
    @Override
    public String deliver(Delivery delivery) {
        String functionName = LambdaEndpoints.functionName(delivery.endpoint());
        InvocationResult result = invoker.invoke(functionName, events.render(delivery.subscriptionArn(), delivery.message()),
                InvocationType.EVENT, delivery.message().messageId());
        if (result.succeeded()) {
            return null;
        }
        return result.status() + (result.errorType() == null ? "" : " " + result.errorType())
                + (result.errorMessage() == null ? "" : ": " + result.errorMessage());
    }
}
