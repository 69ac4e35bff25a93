package com.flightwatch.e2e.localstack;

/** A step of the LocalStack deployment failed; the message names the resource and what LocalStack or the function said. */
final class DeploymentException extends RuntimeException {

    DeploymentException(String message) {
        super(message);
    }
}
