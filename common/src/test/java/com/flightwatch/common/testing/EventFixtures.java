package com.flightwatch.common.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Loads event fixtures from {@code src/test/resources/events/} with the serializers the Lambda
 * runtime itself uses, so a fixture that loads here is one Lambda would accept.
 * Needs {@code aws-lambda-java-serialization} on the test classpath.
 */
public final class EventFixtures {

    private EventFixtures() {
    }

    public static APIGatewayProxyRequestEvent apiGateway(String name) {
        return load(name, APIGatewayProxyRequestEvent.class);
    }

    public static SNSEvent sns(String name) {
        return load(name, SNSEvent.class);
    }

    public static <T> T load(String name, Class<T> type) {
        String path = "events/" + name;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream json = loader.getResourceAsStream(path)) {
            if (json == null) {
                throw new IllegalArgumentException("No fixture " + path + " on the test classpath");
            }
            return LambdaEventSerializers.serializerFor(type, loader).fromJson(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
