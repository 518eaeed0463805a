package org.servicepoint.app;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The JAX-RS resource methods of ServicePoint's own boundary classes, keyed as the API description names its operations
 * ("GET /api/tenants/{slug}/staff"). Read from the class files the application's class loader holds, in
 * WEB-INF/classes and in the modules' jars, without initialising any class.
 */
final class ResourceMethods {

    private static final String ROOT = "org/servicepoint/";

    private ResourceMethods() {
    }

    /** Every resource method found, by operation key; the application path is the one of the JAX-RS application. */
    static Map<String, Method> in(ClassLoader loader, String applicationPath) {
        Map<String, Method> found = new TreeMap<>();
        for (String className : classNames(loader)) {
            Class<?> type;
            try {
                type = Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // A class that cannot be loaded here (e.g. a test class beside the app) serves no request either.
                continue;
            }
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null || type.isInterface()) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = verbOf(method);
                if (verb != null) {
                    Path methodPath = method.getAnnotation(Path.class);
                    found.put(key(verb, "/" + applicationPath + "/" + classPath.value() + "/"
                            + (methodPath == null ? "" : methodPath.value())), method);
                }
            }
        }
        return found;
    }

    /** The operation key of a verb and a path: single slashes, none at the end, upper-case verb. */
    static String key(String verb, String path) {
        String single = path.replaceAll("/{2,}", "/");
        String trimmed = single.length() > 1 && single.endsWith("/") ? single.substring(0, single.length() - 1) : single;
        return verb.toUpperCase(Locale.ROOT) + " " + (trimmed.startsWith("/") ? trimmed : "/" + trimmed);
    }

    private static String verbOf(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static List<String> classNames(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(ROOT))) {
                switch (url.getProtocol()) {
                    case "jar" -> {
                        var connection = (JarURLConnection) url.openConnection();
                        connection.setUseCaches(false);
                        try (var jar = connection.getJarFile()) {
                            jar.stream().map(e -> e.getName()).filter(ResourceMethods::isBoundaryClass)
                                    .forEach(n -> names.add(toClassName(n)));
                        }
                    }
                    case "file" -> {
                        var root = Paths.get(url.toURI()).getParent().getParent();
                        try (Stream<java.nio.file.Path> files = Files.walk(Paths.get(url.toURI()))) {
                            files.map(f -> root.relativize(f).toString().replace('\\', '/')).filter(ResourceMethods::isBoundaryClass)
                                    .forEach(f -> names.add(toClassName(f)));
                        }
                    }
                    default -> {
                        // Other kinds of location (none in a WAR) are not read.
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    /** Resources live in the boundary packages (package by feature); loading only those keeps the first /openapi quick. */
    private static boolean isBoundaryClass(String file) {
        return file.startsWith(ROOT) && file.contains("/boundary/") && file.endsWith(".class");
    }

    private static String toClassName(String file) {
        return file.substring(0, file.length() - ".class".length()).replace('/', '.');
    }
}
