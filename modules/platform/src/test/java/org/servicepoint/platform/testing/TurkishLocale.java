package org.servicepoint.platform.testing;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Runs code with Turkish as the JVM's default locale, where {@code "I".toLowerCase()} is a dotless {@code ı}: wire
 * codes written with the default locale come out wrong there.
 */
public final class TurkishLocale {

    public static final Locale TURKISH = Locale.forLanguageTag("tr-TR");

    private TurkishLocale() {
    }

    public static <T> T during(Supplier<T> work) {
        Locale before = Locale.getDefault();
        Locale.setDefault(TURKISH);
        try {
            return work.get();
        } finally {
            Locale.setDefault(before);
        }
    }
}
