package org.servicepoint.standards.entity;

import java.util.List;

/** Everything that changed between two catalogue versions, as it concerns one library system. */
public record CatalogueUpdate(int fromVersion, int toVersion, List<CatalogueChange> changes) {

    public CatalogueUpdate {
        changes = List.copyOf(changes);
    }

    /** The changes to entries the library system's staff see (or will see): what it should look at. */
    public List<CatalogueChange> concerningTheTenant() {
        return changes.stream().filter(CatalogueChange::adopted).toList();
    }

    /** Changed, retired or removed entries the library system had reworded: its words may no longer fit. */
    public List<CatalogueChange> rewordedAndChanged() {
        return changes.stream().filter(c -> c.adopted() && c.reworded() && c.what() != CatalogueChange.What.ADDED).toList();
    }
}
