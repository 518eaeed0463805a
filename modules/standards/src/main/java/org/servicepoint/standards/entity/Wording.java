package org.servicepoint.standards.entity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumSet;
import java.util.Set;

/**
 * An entry's words in each language ({@code en}, {@code es-US}). The shared catalogue has both; a library system's own
 * entry or rewording may have one or both.
 */
public record Wording(@JsonProperty("en") StandardText en, @JsonProperty("es-US") StandardText esUs) {

    /** The words in {@code language}, or null when there are none in it. */
    public StandardText in(Language language) {
        return language == Language.EN ? en : esUs;
    }

    /** The words in {@code language}, else in the other language (a library system's own words are shown as written). */
    public StandardText shownIn(Language language) {
        StandardText text = in(language);
        return text != null ? text : in(language.other());
    }

    @JsonIgnore
    public Set<Language> languages() {
        Set<Language> languages = EnumSet.noneOf(Language.class);
        for (Language language : Language.values()) {
            if (in(language) != null) {
                languages.add(language);
            }
        }
        return languages;
    }

    /** These words with a rewording put over them, language by language and part by part. */
    public Wording overriddenBy(Wording rewording) {
        if (rewording == null) {
            return this;
        }
        return new Wording(over(en, rewording.en), over(esUs, rewording.esUs));
    }

    private static StandardText over(StandardText base, StandardText rewording) {
        if (base == null) {
            return rewording;
        }
        return base.overriddenBy(rewording);
    }
}
