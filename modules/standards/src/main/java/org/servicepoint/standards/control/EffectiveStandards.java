package org.servicepoint.standards.control;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.servicepoint.standards.entity.AdoptedStandard;
import org.servicepoint.standards.entity.AdoptedStandard.Origin;
import org.servicepoint.standards.entity.Adoption;
import org.servicepoint.standards.entity.Adoption.Item;
import org.servicepoint.standards.entity.Catalogue;
import org.servicepoint.standards.entity.Language;
import org.servicepoint.standards.entity.Standard;
import org.servicepoint.standards.entity.TenantStandards;
import org.servicepoint.standards.entity.Wording;

/**
 * A library system's effective service standards: a pure function of the catalogue and its adoption (read and checked
 * against that catalogue by {@link AdoptionDocuments}). The listed entries come first in the library system's order,
 * its own among them where it put them; with {@code adopt: all} every other current shared entry follows in catalogue
 * order. A reworded entry carries the library system's words and, beside them, the shared original.
 */
public final class EffectiveStandards {

    private EffectiveStandards() {
    }

    public static TenantStandards of(Catalogue catalogue, Adoption adoption) {
        List<AdoptedStandard> standards = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (Item item : adoption.standards()) {
            if (item.own() != null) {
                standards.add(new AdoptedStandard(item.own(), item.kind(), Origin.OWN, null, item.text(), null,
                        EnumSet.noneOf(Language.class)));
            } else {
                catalogue.find(item.shared()).filter(e -> !e.retired()).ifPresent(e -> standards.add(shared(e, adoption)));
                placed.add(item.shared());
            }
        }
        if (adoption.adopt() == Adoption.Mode.ALL) {
            catalogue.current().stream().filter(e -> !placed.contains(e.id())).forEach(e -> standards.add(shared(e, adoption)));
        }
        return new TenantStandards(catalogue.version(), standards);
    }

    private static AdoptedStandard shared(Standard entry, Adoption adoption) {
        Wording rewording = adoption.rewordingOf(entry.id()).map(Adoption.Rewording::text).orElse(null);
        Set<Language> rewordedIn = rewording == null ? EnumSet.noneOf(Language.class) : rewording.languages();
        return new AdoptedStandard(entry.id(), entry.kind(), Origin.SHARED, entry.version(),
                entry.text().overriddenBy(rewording), entry.text(), rewordedIn);
    }
}
