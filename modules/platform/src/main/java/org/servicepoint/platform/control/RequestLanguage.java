package org.servicepoint.platform.control;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The language of the request the current thread serves: what the staff member chose, else their library system's.
 * Worked out only when text is written (most requests write none), at most once per request.
 */
public final class RequestLanguage {

    private static final ThreadLocal<Supplier<Locale>> CURRENT = new ThreadLocal<>();

    private RequestLanguage() {
    }

    /** US English when no request is being served or nothing says otherwise. */
    public static Locale current() {
        Supplier<Locale> language = CURRENT.get();
        return language == null ? Locale.US : language.get();
    }

    public static void set(Supplier<Locale> language) {
        Locale[] known = new Locale[1];
        CURRENT.set(() -> {
            if (known[0] == null) {
                known[0] = language.get();
            }
            return known[0];
        });
    }

    public static void clear() {
        CURRENT.remove();
    }
}
