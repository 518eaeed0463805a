package org.servicepoint.standards.entity;

import java.util.List;
import java.util.Optional;

/** The shared catalogue at one version: its entries in the order the platform recommends them. */
public record Catalogue(int version, List<Standard> entries) {

    public Catalogue {
        entries = List.copyOf(entries);
    }

    public Optional<Standard> find(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The entries a library system may adopt: every one not retired. */
    public List<Standard> current() {
        return entries.stream().filter(e -> !e.retired()).toList();
    }
}
