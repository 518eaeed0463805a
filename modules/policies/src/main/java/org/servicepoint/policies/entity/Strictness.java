package org.servicepoint.policies.entity;

import java.util.Locale;

/** The Scale of Yes: a strict policy allows no exception; a flexible one allows them within stated limits. */
public enum Strictness {
    STRICT, FLEXIBLE;

    /** "strict" or "flexible", as files and the API write it. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The strictness a file or body names; null for anything else. */
    public static Strictness ofWire(String text) {
        for (Strictness s : values()) {
            if (s.wire().equals(text)) {
                return s;
            }
        }
        return null;
    }
}
