package com.flightwatch.platform.lambdaapi;

import com.flightwatch.platform.activations.ActivationRecorder;
import com.flightwatch.platform.activations.ActivationStore;
import com.flightwatch.platform.lambda.FunctionHost;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The Lambda API on a free loopback port, as the control plane mounts it, over the caller's host
 * and stores, with an SDK v2 {@code LambdaClient} pointed at it (dummy static credentials, no retries:
 * a test sees each answer the API gives).
 */
final class LambdaApiServer implements AutoCloseable {

    final FunctionCatalog catalog;
    final LambdaClient lambda;
    private final HttpServer server;

    LambdaApiServer(Vertx vertx, FunctionHost host, FunctionStore store, Path codeDirectory, ActivationStore activations) {
        catalog = new FunctionCatalog(host, store, new FunctionCodeStore(codeDirectory), "us-east-1", Clock.systemUTC());
        catalog.redeployStored();
        Router router = Router.router(vertx);
        new LambdaApiRoutes(vertx, host,
                new ActivationRecorder(host, activations, ActivationRecorder.LAMBDA_API, Clock.systemUTC()), catalog)
                .mount(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
        lambda = LambdaClient.builder().endpointOverride(URI.create(url()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                // The SDK retries a 429 with backoff, which could outlast the saturation a test builds up.
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    @Override
    public void close() {
        lambda.close();
        server.close().toCompletionStage().toCompletableFuture().join();
    }
}
