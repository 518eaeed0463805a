package org.servicepoint.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.servicepoint.platform.control.Messages;

/**
 * The check every module with a message bundle runs: each language has exactly the base's keys, every value is a
 * valid {@link MessageFormat} pattern, and a translation fills the same placeholders as the English text.
 */
public final class MessageBundles {

    private MessageBundles() {
    }

    /** Fails with every difference between the bundle's languages, not just the first. */
    public static void assertComplete(String baseName) {
        assertComplete(baseName, MessageBundles.class.getClassLoader());
    }

    /** As {@link #assertComplete(String)}, reading the files through {@code loader}. */
    public static void assertComplete(String baseName, ClassLoader loader) {
        Properties base = load(baseName, null, loader);
        List<String> problems = new ArrayList<>();
        for (Locale language : Messages.LANGUAGES.subList(1, Messages.LANGUAGES.size())) {
            Properties translated = load(baseName, language, loader);
            String tag = language.toLanguageTag();
            for (String key : new TreeSet<>(base.stringPropertyNames())) {
                if (!translated.containsKey(key)) {
                    problems.add(tag + " lacks " + key);
                } else if (placeholders(translated.getProperty(key), problems, tag + ":" + key)
                        != placeholders(base.getProperty(key), problems, key)) {
                    problems.add(tag + ":" + key + " fills other placeholders than the English text");
                }
            }
            for (String key : new TreeSet<>(translated.stringPropertyNames())) {
                if (!base.containsKey(key)) {
                    problems.add(tag + " has " + key + ", which the English base lacks");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(baseName + ": " + String.join("; ", problems));
        }
    }

    private static int placeholders(String pattern, List<String> problems, String where) {
        try {
            return new MessageFormat(pattern, Locale.ROOT).getFormatsByArgumentIndex().length;
        } catch (IllegalArgumentException e) {
            problems.add(where + " is not a valid message pattern: " + e.getMessage());
            return -1;
        }
    }

    /** One file as it is, without ResourceBundle's parent chain that would hide a missing key. */
    static Properties load(String baseName, Locale language, ClassLoader loader) {
        String path = baseName.replace('.', '/') + (language == null ? "" : "_" + language.getLanguage()) + ".properties";
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("no bundle file " + path + " on the class path");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new AssertionError("could not read " + path, e);
        }
    }
}
