package com.flightwatch.platform.lambda;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Lambda's serialization library as one function sees it. The library keeps process-wide state (one
 * global Jackson mapper whose Joda module binds to the first function's {@code DateTime} class), which
 * is right on Lambda, where a JVM runs one function, and wrong here, where it runs several. So each
 * function's class loader gets a copy of the library of its own ({@link FunctionClassLoader} adds
 * {@link #libraryPath()}), reached through reflection; only {@link PojoSerializer}, the interface the
 * platform calls, is shared.
 */
final class FunctionSerialization {

    private static final String EVENT_SERIALIZERS =
            "com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers";
    private static final String JACKSON_FACTORY =
            "com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory";

    private final ClassLoader functionLoader;
    private final Method isSupportedEvent;
    private final Method eventSerializerFor;
    private final Object jacksonFactory;
    private final Method pojoSerializerFor;

    FunctionSerialization(ClassLoader functionLoader) {
        this.functionLoader = functionLoader;
        try {
            Class<?> events = Class.forName(EVENT_SERIALIZERS, true, functionLoader);
            this.isSupportedEvent = events.getMethod("isLambdaSupportedEvent", String.class);
            this.eventSerializerFor = events.getMethod("serializerFor", Class.class, ClassLoader.class);
            Class<?> factory = Class.forName(JACKSON_FACTORY, true, functionLoader);
            this.jacksonFactory = factory.getMethod("getInstance").invoke(null);
            this.pojoSerializerFor = factory.getMethod("getSerializer", Type.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Lambda's serialization library is not loadable for a function", e);
        }
    }

    /** Lambda's event serializer (with its mix-ins) for event classes, its Jackson POJO serializer otherwise. */
    @SuppressWarnings("unchecked")
    PojoSerializer<Object> serializerFor(Type type) {
        try {
            if (type instanceof Class<?> clazz && (boolean) isSupportedEvent.invoke(null, clazz.getName())) {
                return (PojoSerializer<Object>) eventSerializerFor.invoke(null, clazz, functionLoader);
            }
            return (PojoSerializer<Object>) pojoSerializerFor.invoke(jacksonFactory, type);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The serialization library's jar (or classes directory) on the platform's class path. */
    static Path libraryPath() {
        try {
            return Path.of(PojoSerializer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate aws-lambda-java-serialization", e);
        }
    }
}
