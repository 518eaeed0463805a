package org.servicepoint.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;

/**
 * {@code servicepoint.jar migrate}: applies every module's pending migrations as the migration role, as a step of
 * its own, so that the server can run with {@code SERVICEPOINT_DB_MIGRATE=false} and no owner credentials. It runs
 * the WAR's own code (the platform's {@code SchemaMigrator}, Flyway, each module's SQL and {@code ModuleSchema}) from
 * a class loader over the WAR's libraries, so what it applies is exactly what that server expects.
 */
final class Migrate {

    private static final String MODULE_SCHEMA = "org.servicepoint.platform.control.ModuleSchema";
    private static final String MIGRATOR = "org.servicepoint.platform.control.SchemaMigrator";

    private Migrate() {
    }

    static int run(Map<String, String> env, Path war, PrintStream out, PrintStream err) throws IOException {
        String url = env.get("SERVICEPOINT_DB_URL");
        if (url == null || url.isBlank()) {
            err.println("migrate: set SERVICEPOINT_DB_URL (and SERVICEPOINT_DB_MIGRATION_USER, SERVICEPOINT_DB_MIGRATION_PASSWORD, "
                    + "SERVICEPOINT_DB_USER as for the server; docs/configuration.md)");
            return 64;
        }
        if (!Files.isRegularFile(war)) {
            err.println("migrate: the application " + war + " is missing (build it with mvn -DskipTests install)");
            return 66;
        }
        String appRole = env.getOrDefault("SERVICEPOINT_DB_USER", "servicepoint_app");
        String owner = env.getOrDefault("SERVICEPOINT_DB_MIGRATION_USER", "servicepoint_owner");
        Path unpacked = Files.createTempDirectory("servicepoint-migrate");
        try (URLClassLoader loader = new URLClassLoader(unpack(war, unpacked), ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            List<String> modules = modules(loader, unpacked);
            DataSource ownerSource = dataSource(loader, url, owner, env.get("SERVICEPOINT_DB_MIGRATION_PASSWORD"));
            Class<?> migrator = loader.loadClass(MIGRATOR);
            Method migrate = migrator.getMethod("migrate", DataSource.class, String.class, List.class, ClassLoader.class, Consumer.class);
            Consumer<String> report = line -> out.println("migrate: " + line);
            migrate.invoke(null, ownerSource, appRole, modules, loader, report);
            @SuppressWarnings("unchecked")
            List<String> pending = (List<String>) migrator.getMethod("pending", DataSource.class, String.class, List.class, ClassLoader.class)
                    .invoke(null, ownerSource, appRole, modules, loader);
            if (!pending.isEmpty()) {
                err.println("migrate: still missing after migrating: " + String.join(", ", pending));
                return 1;
            }
            out.println("migrate: the schema of " + String.join(", ", modules) + " is current");
            return 0;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            err.println("migrate: failed: " + cause);
            for (Throwable c = cause.getCause(); c != null; c = c.getCause()) {
                err.println("  caused by: " + c);
            }
            return 1;
        } catch (ReflectiveOperationException e) {
            err.println("migrate: " + war + " does not hold the expected migration code: " + e);
            return 1;
        } finally {
            deleteTree(unpacked);
        }
    }

    /** The WAR's WEB-INF/lib jars and WEB-INF/classes, copied out (a class loader cannot read jars inside a jar). */
    private static URL[] unpack(Path war, Path into) throws IOException {
        List<URL> urls = new ArrayList<>();
        Path classes = into.resolve("classes");
        try (ZipFile zip = new ZipFile(war.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || name.contains("..")) {
                    continue;
                }
                Path target;
                if (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")) {
                    target = into.resolve("lib").resolve(name.substring("WEB-INF/lib/".length()));
                    urls.add(target.toUri().toURL());
                } else if (name.startsWith("WEB-INF/classes/")) {
                    target = classes.resolve(name.substring("WEB-INF/classes/".length()));
                } else {
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        urls.add(0, classes.toUri().toURL());
        return urls.toArray(URL[]::new);
    }

    /** Every module's name, in the order the server migrates them: each {@code ModuleSchema} in the WAR's jars. */
    private static List<String> modules(ClassLoader loader, Path unpacked) throws IOException, ReflectiveOperationException {
        Class<?> schema = loader.loadClass(MODULE_SCHEMA);
        record Module(String name, int order) {
        }
        List<Module> found = new ArrayList<>();
        try (var jars = Files.list(unpacked.resolve("lib"))) {
            for (Path jar : jars.filter(p -> p.getFileName().toString().startsWith("servicepoint-")).toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    for (JarEntry entry : file.stream().toList()) {
                        String name = entry.getName();
                        if (!name.startsWith("org/servicepoint/") || !name.endsWith(".class") || name.contains("$")) {
                            continue;
                        }
                        Class<?> type;
                        try {
                            type = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                        } catch (LinkageError | ClassNotFoundException needsTheServer) {
                            continue; // a class built on the server's APIs, which this loader does not have
                        }
                        if (schema.isAssignableFrom(type) && !type.isInterface()) {
                            Object module = type.getDeclaredConstructor().newInstance();
                            found.add(new Module((String) schema.getMethod("name").invoke(module), (int) schema.getMethod("order").invoke(module)));
                        }
                    }
                }
            }
        }
        return found.stream().sorted(Comparator.comparingInt(Module::order)).map(Module::name).toList();
    }

    private static DataSource dataSource(ClassLoader loader, String url, String user, String password) throws ReflectiveOperationException {
        Class<?> type = loader.loadClass("org.postgresql.ds.PGSimpleDataSource");
        Object source = type.getDeclaredConstructor().newInstance();
        type.getMethod("setURL", String.class).invoke(source, url);
        type.getMethod("setUser", String.class).invoke(source, user);
        if (password != null) {
            type.getMethod("setPassword", String.class).invoke(source, password);
        }
        return (DataSource) source;
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the system cleans it up eventually
        }
    }
}
