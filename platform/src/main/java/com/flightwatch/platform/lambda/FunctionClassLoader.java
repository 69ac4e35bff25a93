package com.flightwatch.platform.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The class loader of one function: the JDK's packages from the JDK; everything else from the
 * function's own jar (or directory of classes with {@code lib/*.jar}) first, so each function has
 * its own Jackson, SDK and logging; and from the platform only the Lambda core API that Lambda's
 * runtime itself provides
 * ({@code com.amazonaws.services.lambda.runtime} and {@code .logging}), so the handler and the
 * platform agree on {@code RequestHandler} and {@code Context}. Nothing else leaks from the platform.
 */
final class FunctionClassLoader extends URLClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    /** The packages of aws-lambda-java-core; its events live in a separate library and stay child-first. */
    private static final Set<String> LAMBDA_CORE_PACKAGES = Set.of(
            "com.amazonaws.services.lambda.runtime",
            "com.amazonaws.services.lambda.runtime.logging");

    /** The packages of the JDK's modules: always the JDK's own, even when a function jar carries copies. */
    private static final Set<String> JDK_PACKAGES = ModuleLayer.boot().modules().stream()
            .flatMap(module -> module.getPackages().stream())
            .collect(Collectors.toUnmodifiableSet());

    /** Shared so the platform can call the function's own copy of the serialization library. */
    private static final String SHARED_SERIALIZER_INTERFACE = PojoSerializer.class.getName();

    private final ClassLoader lambdaCore = RequestHandler.class.getClassLoader();

    FunctionClassLoader(String functionName, Path code) {
        super("function:" + functionName, urls(code), ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isLambdaCore(name)) {
            return lambdaCore.loadClass(name);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = jdkOrFunctionFirst(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> jdkOrFunctionFirst(String name) throws ClassNotFoundException {
        if (JDK_PACKAGES.contains(packageOf(name))) {
            try {
                return getParent().loadClass(name);
            } catch (ClassNotFoundException notVisibleFromThePlatformLoader) {
                return findClass(name);
            }
        }
        try {
            return findClass(name);
        } catch (ClassNotFoundException notInFunction) {
            return getParent().loadClass(name);
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    static boolean isLambdaCore(String className) {
        return LAMBDA_CORE_PACKAGES.contains(packageOf(className)) || className.equals(SHARED_SERIALIZER_INTERFACE);
    }

    private static String packageOf(String className) {
        int lastDot = className.lastIndexOf('.');
        return lastDot > 0 ? className.substring(0, lastDot) : "";
    }

    /** A jar, or a directory laid out as Lambda unpacks a zip: classes at the root, dependencies in lib/. */
    private static URL[] urls(Path code) {
        try {
            List<URL> urls = new ArrayList<>();
            urls.add(code.toUri().toURL());
            Path lib = code.resolve("lib");
            if (Files.isDirectory(code) && Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                        urls.add(jar.toUri().toURL());
                    }
                }
            }
            urls.add(FunctionSerialization.libraryPath().toUri().toURL());
            return urls.toArray(URL[]::new);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a usable code path: " + code, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + code.resolve("lib"), e);
        }
    }
}
