package org.servicepoint.standards.control;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.servicepoint.standards.entity.Adoption;
import org.servicepoint.standards.entity.Catalogue;
import org.servicepoint.standards.entity.CatalogueChange;
import org.servicepoint.standards.entity.CatalogueChange.What;
import org.servicepoint.standards.entity.CatalogueUpdate;
import org.servicepoint.standards.entity.Language;
import org.servicepoint.standards.entity.Standard;
import org.servicepoint.standards.entity.TenantStandards;

/**
 * What a newer catalogue changes for one library system, as a pure function of the two catalogues and the library
 * system's adoption: entries added, changed (with the parts that changed, per language), retired or removed; whether
 * its staff see each one; and which of them it had reworded, so it can read its own words again.
 */
public final class CatalogueChanges {

    private CatalogueChanges() {
    }

    public static CatalogueUpdate between(Catalogue older, Catalogue newer, Adoption adoption) {
        TenantStandards before = EffectiveStandards.of(older, adoption);
        List<CatalogueChange> changes = new ArrayList<>();
        for (Standard now : newer.entries()) {
            Standard then = older.find(now.id()).orElse(null);
            boolean seen = before.find(now.id()).isPresent();
            if (then == null || then.retired()) {
                if (!now.retired()) {
                    // a new entry reaches the staff by itself only where the whole catalogue is adopted
                    changes.add(change(now, What.ADDED, null, now.version(), List.of(),
                            adoption.adopt() == Adoption.Mode.ALL || listed(adoption, now.id()), adoption));
                }
            } else if (now.retired()) {
                changes.add(change(now, What.RETIRED, then.version(), now.version(), List.of(), seen, adoption));
            } else {
                List<String> parts = changedParts(then, now);
                if (!parts.isEmpty() || then.version() != now.version() || then.kind() != now.kind()) {
                    changes.add(change(now, What.CHANGED, then.version(), now.version(), parts, seen, adoption));
                }
            }
        }
        for (Standard then : older.entries()) {
            if (newer.find(then.id()).isEmpty() && !then.retired()) {
                changes.add(change(then, What.REMOVED, then.version(), null, List.of(),
                        before.find(then.id()).isPresent(), adoption));
            }
        }
        return new CatalogueUpdate(older.version(), newer.version(), changes);
    }

    private static CatalogueChange change(Standard entry, What what, Integer from, Integer to, List<String> parts,
                                          boolean adopted, Adoption adoption) {
        Set<Language> rewordedIn = adoption.rewordingOf(entry.id()).map(r -> r.text().languages())
                .orElse(EnumSet.noneOf(Language.class));
        return new CatalogueChange(entry.id(), entry.kind(), what, from, to, parts, adopted, rewordedIn);
    }

    private static boolean listed(Adoption adoption, String id) {
        return adoption.standards().stream().anyMatch(i -> id.equals(i.shared()));
    }

    /** {@code en.summary}, {@code es-US.steps}…: each part whose words differ, language by language. */
    private static List<String> changedParts(Standard then, Standard now) {
        List<String> parts = new ArrayList<>();
        for (Language language : Language.values()) {
            for (String part : now.text().in(language).partsDifferentFrom(then.text().in(language))) {
                parts.add(language.code() + "." + part);
            }
        }
        return parts;
    }
}
