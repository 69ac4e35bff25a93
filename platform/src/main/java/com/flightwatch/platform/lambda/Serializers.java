package com.flightwatch.platform.lambda;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
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

    Serializers(Type inputType, Type outputType, FunctionSerialization serialization) {
        this.input = serializerFor(inputType, serialization);
        this.output = serializerFor(outputType, serialization);
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
    static PojoSerializer<Object> serializerFor(Type type, FunctionSerialization serialization) {
        if (type == Void.class || type == void.class) {
            return null;
        }
        return serialization.serializerFor(type);
    }
}
