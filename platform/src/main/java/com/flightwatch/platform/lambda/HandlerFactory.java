package com.flightwatch.platform.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Makes a handler ready the way Lambda's Java runtime does, from a handler string
 * {@code pkg.Class::method} or {@code pkg.Class}: a {@link RequestHandler} (input type from its
 * generic interface), a {@link RequestStreamHandler}, or any public method taking
 * {@code (input[, Context])} or {@code (InputStream, OutputStream[, Context])}.
 */
final class HandlerFactory {

    private static final String DEFAULT_METHOD = "handleRequest";

    private HandlerFactory() {
    }

    /**
     * Loads and initializes the class and creates the handler instance.
     *
     * @throws HandlerInitException when the class, its initializer, its constructor or the method fails
     */
    static FunctionHandler create(String handler, ClassLoader loader) {
        int separator = handler.indexOf("::");
        String className = separator < 0 ? handler : handler.substring(0, separator);
        String methodName = separator < 0 ? DEFAULT_METHOD : handler.substring(separator + 2);
        Class<?> handlerClass = load(className, loader);
        if (methodName.equals(DEFAULT_METHOD) && RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
            RequestStreamHandler stream = (RequestStreamHandler) instantiate(handlerClass);
            return (event, context) -> stream(event, context, stream::handleRequest);
        }
        if (methodName.equals(DEFAULT_METHOD) && RequestHandler.class.isAssignableFrom(handlerClass)) {
            @SuppressWarnings("unchecked")
            RequestHandler<Object, Object> pojo = (RequestHandler<Object, Object>) instantiate(handlerClass);
            Type[] types = HandlerTypes.typeArguments(handlerClass, RequestHandler.class);
            Serializers serializers = new Serializers(types[0], types[1], new FunctionSerialization(loader));
            return (event, context) -> serializers.toJson(pojo.handleRequest(serializers.fromJson(event), context));
        }
        return method(handlerClass, methodName, loader);
    }

    private static FunctionHandler method(Class<?> handlerClass, String methodName, ClassLoader loader) {
        Method method = Arrays.stream(handlerClass.getMethods())
                .filter(m -> m.getName().equals(methodName) && !m.isBridge() && m.getParameterCount() <= 3)
                .max(Comparator.comparingInt(Method::getParameterCount))
                .orElseThrow(() -> new HandlerInitException("No public method " + methodName + " in " + handlerClass.getName()));
        Object target = Modifier.isStatic(method.getModifiers()) ? null : instantiate(handlerClass);
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length >= 2 && parameters[0] == InputStream.class && parameters[1] == OutputStream.class) {
            return (event, context) -> stream(event, context, (in, out, ctx) ->
                    call(method, target, parameters.length == 3 ? new Object[] {in, out, ctx} : new Object[] {in, out}));
        }
        Type inputType = parameters.length == 0 || parameters[0] == Context.class
                ? Void.class : method.getGenericParameterTypes()[0];
        Serializers serializers = new Serializers(inputType, method.getGenericReturnType(), new FunctionSerialization(loader));
        return (event, context) -> {
            Object[] arguments = switch (parameters.length) {
                case 0 -> new Object[0];
                case 1 -> parameters[0] == Context.class ? new Object[] {context} : new Object[] {serializers.fromJson(event)};
                default -> new Object[] {serializers.fromJson(event), context};
            };
            return serializers.toJson(call(method, target, arguments));
        };
    }

    private static Class<?> load(String className, ClassLoader loader) {
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new HandlerInitException("Class not found: " + className, e);
        } catch (ExceptionInInitializerError e) {
            throw new HandlerInitException("Static initializer of " + className + " failed", e.getCause());
        } catch (LinkageError e) {
            throw new HandlerInitException("Cannot load " + className, e);
        }
    }

    private static Object instantiate(Class<?> handlerClass) {
        try {
            return handlerClass.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new HandlerInitException("Constructor of " + handlerClass.getName() + " failed", e.getCause());
        } catch (NoSuchMethodException e) {
            throw new HandlerInitException(handlerClass.getName() + " has no public no-argument constructor", e);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new HandlerInitException("Cannot create " + handlerClass.getName(), e);
        }
    }

    private static Object call(Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private interface StreamCall {
        void handle(InputStream in, OutputStream out, Context context) throws Throwable;
    }

    private static byte[] stream(byte[] event, Context context, StreamCall call) throws Throwable {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        call.handle(new ByteArrayInputStream(event), out, context);
        return out.toByteArray();
    }
}
