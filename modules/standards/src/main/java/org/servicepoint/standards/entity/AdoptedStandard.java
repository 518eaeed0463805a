package org.servicepoint.standards.entity;

import java.util.Set;

/**
 * One entry as a library system's staff see it: its words ({@code text}), and for a shared entry the catalogue's
 * version and original words, which stay visible beside a rewording. {@code rewordedIn} names the languages the
 * library system reworded it in (none: the shared words as they are).
 */
public record AdoptedStandard(String id, StandardKind kind, Origin origin, Integer sharedVersion, Wording text,
                              Wording shared, Set<Language> rewordedIn) {

    public AdoptedStandard {
        rewordedIn = Set.copyOf(rewordedIn);
    }

    public enum Origin { SHARED, OWN }

    public boolean reworded() {
        return !rewordedIn.isEmpty();
    }
}
