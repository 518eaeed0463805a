package org.servicepoint.standards.entity;

import java.util.Locale;

/** The languages the catalogue is written in; the code is the key used in the YAML files. */
public enum Language {
    EN("en"),
    ES_US("es-US");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Any Spanish locale reads the US Spanish text, anything else English (as the staff app decides). */
    public static Language of(Locale locale) {
        return locale != null && "es".equals(locale.getLanguage()) ? ES_US : EN;
    }

    /** The other language: where a text written in only one language is taken from. */
    public Language other() {
        return this == EN ? ES_US : EN;
    }
}
