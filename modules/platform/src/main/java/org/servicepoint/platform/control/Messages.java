package org.servicepoint.platform.control;

import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Text that the server writes for people (problem titles, PDFs, mail), in a library system's language. Each module
 * keeps one bundle of UTF-8 {@code .properties} files beside its classes: {@code messages.properties} (English, the
 * base) and {@code messages_es.properties} (Spanish, used for {@code es-US} and every other Spanish locale). Values
 * are {@link MessageFormat} patterns, so an apostrophe is written twice ({@code ''}).
 *
 * <pre>{@code
 * Messages text = Messages.of("org.servicepoint.incidents.messages", library.locale());
 * String subject = text.get("mail.report.subject", category, branch, text.dateTime(occurredAt, library.zone()));
 * }</pre>
 *
 * A locale without a bundle of its own gets English, never the JVM's default language; a library system names the
 * language its people read instead ({@code fallbackLanguage}), and {@link #textLocale} is the locale to ask for then.
 */
public final class Messages {

    /** The languages the server's bundles are complete in; the first is the base. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

    private static final ResourceBundle.Control NO_JVM_DEFAULT =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /**
     * The locale a library system's texts are written in: its own when ServicePoint has texts in its language (es-MX is
     * Spanish, like every Spanish), else its fallback language in the same region (fr-CA falling back to English is
     * en-CA), so dates and numbers read like the words around them. A fallback without texts of its own is English.
     */
    public static Locale textLocale(Locale locale, String fallbackLanguage) {
        if (locale == null) {
            return Locale.US;
        }
        if (speaks(locale.getLanguage())) {
            return locale;
        }
        String language = fallbackLanguage != null && speaks(fallbackLanguage) ? fallbackLanguage : Locale.ENGLISH.getLanguage();
        Locale.Builder builder = new Locale.Builder().setLanguage(language);
        try {
            builder.setRegion(locale.getCountry());
        } catch (java.util.IllformedLocaleException e) {
            // A region Java keeps but the builder refuses (old numeric forms): the language alone is enough for texts.
        }
        return builder.build();
    }

    private static boolean speaks(String language) {
        return LANGUAGES.stream().anyMatch(l -> l.getLanguage().equals(language));
    }

    /** The bundle {@code baseName} (a class-path name such as {@code org.servicepoint.incidents.messages}) in this locale. */
    public static Messages of(String baseName, Locale locale) {
        Locale wanted = locale == null ? Locale.US : locale;
        return new Messages(ResourceBundle.getBundle(baseName, wanted, Messages.class.getClassLoader(), NO_JVM_DEFAULT), wanted);
    }

    /** The locale asked for: it also formats dates and numbers, whichever bundle answered. */
    public Locale locale() {
        return locale;
    }

    /** The text of {@code key} with its {@code {0}}, {@code {1}}… filled in; a missing key fails loudly (a test finds it). */
    public String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args == null ? new Object[0] : args);
    }

    /** The text of {@code key}, or {@code fallback} when this bundle has no such key (e.g. a problem type without text). */
    public String getOrDefault(String key, String fallback, Object... args) {
        try {
            return get(key, args);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    /** A date and time as people of this locale write it, in the given zone (the branch's or library system's). */
    public String dateTime(TemporalAccessor time, ZoneId zone) {
        return time == null ? "—" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(time);
    }

    /** A moment to the second, as the locale writes it, with the zone's name: for signatures and audit trails. */
    public String timestamp(TemporalAccessor time, ZoneId zone) {
        return time == null ? "—" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM)
                .withLocale(locale).withZone(zone).format(time) + " " + zone.getId();
    }

    /**
     * The language a staff member chose for this request, if any. A choice is an {@code Accept-Language} header
     * naming one language ServicePoint speaks, without weights (as the web app sends a chosen language); a browser's
     * own list of preferences ({@code en-US,en;q=0.9}) is no choice, so the library system's language stays.
     */
    public static Optional<Locale> chosen(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 35
                || acceptLanguage.contains(",") || acceptLanguage.contains(";")) {
            return Optional.empty();
        }
        Locale chosen = Locale.forLanguageTag(acceptLanguage.strip());
        return speaks(chosen.getLanguage()) ? Optional.of(chosen) : Optional.empty();
    }
}
