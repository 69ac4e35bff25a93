package com.flightwatch.migrator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;

/**
 * The schema's custom resource: CloudFormation invokes this function directly (its ServiceToken)
 * on every deploy that changes the migrations, before the API takes traffic. It migrates, then
 * PUTs the answer to the request's ResponseURL; invoked without one (by hand, or on the local
 * platform), it only returns the answer.
 */
public final class MigratorHandler implements RequestHandler<CloudFormationCustomResourceEvent, CustomResourceResponse> {

    private final MigrationResource resource;
    private final ResponseSender sender;

    public MigratorHandler() {
        this(new MigrationResource(new FlywaySchemaMigration(System::getenv)), new PresignedUrlSender());
    }

    public MigratorHandler(MigrationResource resource, ResponseSender sender) {
        this.resource = resource;
        this.sender = sender;
    }

    @Override
    public CustomResourceResponse handleRequest(CloudFormationCustomResourceEvent event, Context context) {
        CustomResourceResponse response = resource.handle(event);
        String responseUrl = event.getResponseUrl();
        if (responseUrl != null && !responseUrl.isBlank()) {
            sender.send(responseUrl, response);
        }
        return response;
    }
}
