package org.servicepoint.standards.entity;

import java.util.List;
import java.util.Optional;

/** A library system's effective service standards: what its staff see, in its order, from one catalogue version. */
public record TenantStandards(int catalogueVersion, List<AdoptedStandard> standards) {

    public TenantStandards {
        standards = List.copyOf(standards);
    }

    public Optional<AdoptedStandard> find(String id) {
        return standards.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<String> ids() {
        return standards.stream().map(AdoptedStandard::id).toList();
    }
}
