package com.flightwatch.cdk.exceptions;

/**
 * The OpenAPI document cannot become the REST API's body: unreadable YAML, no API Gateway
 * integration at all, or an integration uri naming a placeholder the stack does not provide
 * (CloudFormation would only reject that at deploy time).
 */
public class InvalidOpenApiDocumentException extends RuntimeException {

    public InvalidOpenApiDocumentException(String message) {
        super(message);
    }

    public InvalidOpenApiDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
