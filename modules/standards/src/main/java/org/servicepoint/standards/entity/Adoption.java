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
public record Adoption(Mode adopt, List<Item> standards, List<Rewording> reword, List<Link> links) {

    public Adoption {
        standards = standards == null ? List.of() : List.copyOf(standards);
        reword = reword == null ? List.of() : List.copyOf(reword);
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** The whole catalogue in its own order and words: what a library system without a standards.yaml sees. */
    public static final Adoption WHOLE_CATALOGUE = new Adoption(Mode.ALL, List.of(), List.of(), List.of());

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

    /**
     * A response guide's links to positions of the library system's chain of command (by code) and to escalation
     * situations (by code), so that the guide and "who is in charge" sit together.
     */
    public record Link(String standard, List<String> positions, List<String> situations) {
        public Link {
            positions = positions == null ? List.of() : List.copyOf(positions);
            situations = situations == null ? List.of() : List.copyOf(situations);
        }

        public static final Link NONE = new Link(null, List.of(), List.of());
    }

    /** The links of an entry, or {@link Link#NONE}. */
    public Link linksOf(String id) {
        return links.stream().filter(l -> id.equals(l.standard())).findFirst().orElse(Link.NONE);
    }

    public Optional<Rewording> rewordingOf(String sharedId) {
        return reword.stream().filter(r -> sharedId.equals(r.shared())).findFirst();
    }
}
