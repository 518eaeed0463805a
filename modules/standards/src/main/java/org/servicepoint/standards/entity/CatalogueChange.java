package org.servicepoint.standards.entity;

import java.util.List;
import java.util.Set;

/**
 * What one entry's move from an older to a newer catalogue means for a library system. {@code changedParts} names
 * what changed, as {@code <language>.<part>} ({@code es-US.steps}); {@code adopted} says whether the library system's
 * staff see the entry (for a new entry: whether they will, because the library system adopts the whole catalogue);
 * {@code rewordedIn} the languages the library system had put in its own words, which it should read again.
 */
public record CatalogueChange(String id, StandardKind kind, What what, Integer fromVersion, Integer toVersion,
                              List<String> changedParts, boolean adopted, Set<Language> rewordedIn) {

    public CatalogueChange {
        changedParts = List.copyOf(changedParts);
        rewordedIn = Set.copyOf(rewordedIn);
    }

    public enum What { ADDED, CHANGED, RETIRED, REMOVED }

    public boolean reworded() {
        return !rewordedIn.isEmpty();
    }
}
