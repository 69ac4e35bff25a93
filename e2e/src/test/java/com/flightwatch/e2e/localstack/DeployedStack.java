package com.flightwatch.e2e.localstack;

import java.net.URI;

/**
 * What the deployment made in LocalStack that the test talks to.
 *
 * @param invokeUrl    the REST API's stage, as LocalStack serves it ({@code /restapis/{id}/{stage}/_user_request_})
 * @param apiKey       the value of the stack's API key, bound to the stage through its usage plan
 */
record DeployedStack(String restApiId, URI invokeUrl, String apiKey) {
}
