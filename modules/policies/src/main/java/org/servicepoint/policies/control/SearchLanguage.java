package org.servicepoint.policies.control;

import java.util.Locale;

/** The PostgreSQL text-search configuration for a library system's language: spanish for es-*, english otherwise. */
public final class SearchLanguage {

    private SearchLanguage() {
    }

    public static String of(Locale language) {
        return language != null && "es".equals(language.getLanguage()) ? "spanish" : "english";
    }
}
