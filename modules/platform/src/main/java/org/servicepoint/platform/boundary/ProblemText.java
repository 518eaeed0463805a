package org.servicepoint.platform.boundary;

import java.util.Locale;
import org.servicepoint.platform.control.Messages;
import org.servicepoint.platform.control.RequestLanguage;

/** The words of a problem in the request's language ({@link RequestLanguage}), from the platform's messages. */
final class ProblemText {

    private static final String TEXTS = "org.servicepoint.platform.messages";

    private ProblemText() {
    }

    /**
     * A reply in English keeps the title the code gives; another language takes the title of the problem's type.
     * When the database is unreachable the library system's language cannot be read: that problem stays English.
     */
    static String title(String type, String title) {
        Locale language = "database-unavailable".equals(type) ? Locale.US : RequestLanguage.current();
        return language.getLanguage().equals(Locale.ENGLISH.getLanguage()) ? title
                : Messages.of(TEXTS, language).getOrDefault("problem." + type + ".title", title);
    }

    /** A detail of the platform's own problems. */
    static String detail(String key, Object... args) {
        return Messages.of(TEXTS, RequestLanguage.current()).get("problem.detail." + key, args);
    }
}
