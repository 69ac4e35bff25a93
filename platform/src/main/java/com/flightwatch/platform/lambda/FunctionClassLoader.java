package com.flightwatch.platform.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
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
import java.util.stream.Stream;

/**
 * The class loader of one function: the function's own jar (or directory of classes with
 * {@code lib/*.jar}) first, so each function has its own Jackson, SDK and logging; the JDK behind it;
 * and from the platform only the Lambda core API that Lambda's runtime itself provides
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
                loaded = childFirst(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> childFirst(String name) throws ClassNotFoundException {
        if (name.startsWith("java.")) {
            return getParent().loadClass(name);
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
        int lastDot = className.lastIndexOf('.');
        return lastDot > 0 && LAMBDA_CORE_PACKAGES.contains(className.substring(0, lastDot));
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
            return urls.toArray(URL[]::new);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a usable code path: " + code, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + code.resolve("lib"), e);
        }
    }
}
