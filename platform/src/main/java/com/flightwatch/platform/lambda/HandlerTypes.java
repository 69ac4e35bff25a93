package com.flightwatch.platform.lambda;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the input and output types a handler class gives {@code RequestHandler<I, O>}, through
 * superclasses and generic interfaces, so the event is deserialized to what the handler expects.
 */
final class HandlerTypes {

    private HandlerTypes() {
    }

    /** The actual type arguments of {@code target} as implemented by {@code handlerClass}; Object where unknown. */
    static Type[] typeArguments(Class<?> handlerClass, Class<?> target) {
        Type[] found = search(handlerClass, target, new HashMap<>());
        if (found == null) {
            found = new Type[target.getTypeParameters().length];
        }
        for (int i = 0; i < found.length; i++) {
            if (found[i] == null || found[i] instanceof TypeVariable<?>) {
                found[i] = Object.class;
            }
        }
        return found;
    }

    private static Type[] search(Type type, Class<?> target, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw = raw(type);
        if (raw == null) {
            return null;
        }
        if (type instanceof ParameterizedType parameterized) {
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length && i < arguments.length; i++) {
                bindings.put(variables[i], substitute(arguments[i], bindings));
            }
        }
        if (raw == target) {
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] resolved = new Type[variables.length];
            for (int i = 0; i < variables.length; i++) {
                resolved[i] = bindings.get(variables[i]);
            }
            return resolved;
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Type[] found = search(parent, target, new HashMap<>(bindings));
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? null : search(superclass, target, new HashMap<>(bindings));
    }

    private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
        return type instanceof TypeVariable<?> variable ? bindings.getOrDefault(variable, Object.class) : type;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> clazz) {
            return clazz;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return null;
    }
}
