package org.servicepoint.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The deployment's settings, read from MicroProfile Config, so an environment variable or a system property
 * overrides the defaults ({@code servicepoint.mail.port} from {@code SERVICEPOINT_MAIL_PORT}). The contexts read their
 * settings here so that every setting means the same: a blank value counts as not set, and a value of the wrong kind
 * (a port of "25x", a flag of "flase") stops with a message that names the setting and its environment variable,
 * rather than being silently read as false or failing with the container's words.
 */
@ApplicationScoped
public class Settings {

    /** What MicroProfile Config reads as true; the false words are their opposites. */
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "y", "on");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "n", "off");

    private final Function<String, Optional<String>> source;

    /** The server's settings, from MicroProfile Config. */
    public Settings() {
        this(name -> ConfigProvider.getConfig().getOptionalValue(name, String.class));
    }

    private Settings(Function<String, Optional<String>> source) {
        this.source = source;
    }

    /** Settings with just these values, e.g. for a test. */
    public static Settings of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new Settings(name -> Optional.ofNullable(copy.get(name)));
    }

    /** The value as written; empty when it is not set or blank. */
    public Optional<String> text(String name) {
        return source.apply(name).filter(value -> !value.isBlank());
    }

    public String text(String name, String fallback) {
        return text(name).orElse(fallback);
    }

    /** A whole number; {@code fallback} when not set. */
    public int number(String name, int fallback) {
        Optional<String> value = text(name);
        try {
            return value.isEmpty() ? fallback : Integer.parseInt(value.get().strip());
        } catch (NumberFormatException e) {
            throw invalid(name, value.get(), "a whole number");
        }
    }

    /** Switched on or off ({@code true}/{@code false}, also yes/no, on/off, 1/0); {@code fallback} when not set. */
    public boolean flag(String name, boolean fallback) {
        Optional<String> value = text(name).map(v -> v.strip().toLowerCase(Locale.ROOT));
        if (value.isEmpty()) {
            return fallback;
        }
        if (TRUE.contains(value.get()) || FALSE.contains(value.get())) {
            return TRUE.contains(value.get());
        }
        throw invalid(name, text(name).orElseThrow(), "true or false");
    }

    /** The address people reach this server at: links in mails, return addresses of the sign-in. */
    public String publicUrl() {
        return text("servicepoint.public-url", "http://localhost:8080");
    }

    /** The environment variable that overrides a setting: {@code servicepoint.mail.port} → {@code SERVICEPOINT_MAIL_PORT}. */
    public static String environmentName(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static IllegalStateException invalid(String name, String value, String wanted) {
        return new IllegalStateException(name + " (" + environmentName(name) + ") must be " + wanted + ", not \"" + value + "\"");
    }
}
