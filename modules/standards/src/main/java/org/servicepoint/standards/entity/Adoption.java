package org.servicepoint.standards.entity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A library system's {@code tenants/<slug>/standards.yaml} as read: whether it adopts the whole catalogue or only what
 * it lists, its list (shared entries by id and its own entries, in the order its staff see them) and its rewordings of
 * shared entries. Rewording an entry does not move it.
 */
public record Adoption(Mode adopt, List<Item> standards, List<Rewording> reword) {

    public Adoption {
        standards = standards == null ? List.of() : List.copyOf(standards);
        reword = reword == null ? List.of() : List.copyOf(reword);
    }

    /** {@code all}: every current shared entry (the listed ones first); {@code listed}: only the listed ones. */
    public enum Mode {
        ALL, LISTED;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A shared entry by its id, or one of the library system's own ({@code own} is its id, without a dot). */
    public record Item(String shared, String own, StandardKind kind, Wording text) {
    }

    /** The library system's words for a shared entry; the parts and languages it leaves out keep the shared words. */
    public record Rewording(String shared, Wording text) {
    }

    public Optional<Rewording> rewordingOf(String sharedId) {
        return reword.stream().filter(r -> sharedId.equals(r.shared())).findFirst();
    }
}
