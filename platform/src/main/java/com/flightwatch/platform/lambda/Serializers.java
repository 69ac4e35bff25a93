package com.flightwatch.platform.lambda;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Turns JSON into a handler's input and its output back into JSON exactly as Lambda's Java
 * runtime does: Lambda's own event serializers for the {@code aws-lambda-java-events} types (with
 * their mix-ins), the runtime's Jackson POJO serializer for everything else.
 */
final class Serializers {

    private static final byte[] NULL = "null".getBytes(StandardCharsets.UTF_8);

    private final PojoSerializer<Object> input;
    private final PojoSerializer<Object> output;

    Serializers(Type inputType, Type outputType, ClassLoader functionLoader) {
        this.input = serializerFor(inputType, functionLoader);
        this.output = serializerFor(outputType, functionLoader);
    }

    Object fromJson(byte[] json) {
        return input == null ? null : input.fromJson(new ByteArrayInputStream(json));
    }

    byte[] toJson(Object value) {
        if (value == null || output == null) {
            return NULL.clone();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        output.toJson(value, out);
        return out.toByteArray();
    }

    /** Null for {@code Void}: Lambda passes null in and writes null out. */
    @SuppressWarnings("unchecked")
    static PojoSerializer<Object> serializerFor(Type type, ClassLoader functionLoader) {
        if (type == Void.class || type == void.class) {
            return null;
        }
        if (type instanceof Class<?> clazz && LambdaEventSerializers.isLambdaSupportedEvent(clazz.getName())) {
            return LambdaEventSerializers.serializerFor((Class<Object>) clazz, functionLoader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }
}
