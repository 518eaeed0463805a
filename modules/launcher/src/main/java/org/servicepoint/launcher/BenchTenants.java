package org.servicepoint.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's library systems: bench-001 ... bench-N, each from one small template. */
final class BenchTenants {

    static final String TEMPLATE = "bench-tenant.yaml";
    /** The template's demo user, who files and signs every benchmark report of its library system. */
    static final String USERNAME = "reporter";

    private BenchTenants() {
    }

    static String slug(int number) {
        return String.format("bench-%03d", number);
    }

    static List<String> slugs(int count) {
        List<String> slugs = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            slugs.add(slug(i));
        }
        return slugs;
    }

    static String template() {
        try (InputStream in = BenchTenants.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " is missing from the launcher jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String file(String template, int number) {
        return template.replace("{{slug}}", slug(number)).replace("{{number}}", String.format("%03d", number));
    }

    /** Writes {@code dir/<slug>/tenant.yaml} for tenants 1..count (the layout the server reads at start). */
    static List<String> write(Path dir, int count) throws IOException {
        if (count < 1) {
            throw new IllegalArgumentException("at least one tenant");
        }
        String template = template();
        for (int i = 1; i <= count; i++) {
            Path folder = Files.createDirectories(dir.resolve(slug(i)));
            Files.writeString(folder.resolve("tenant.yaml"), file(template, i), StandardCharsets.UTF_8);
        }
        return slugs(count);
    }
}
