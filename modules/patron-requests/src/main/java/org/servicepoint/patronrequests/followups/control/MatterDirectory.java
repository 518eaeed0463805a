package org.servicepoint.patronrequests.followups.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.patronrequests.control.Matter;
import org.servicepoint.patronrequests.entity.MatterKind;
import org.servicepoint.patronrequests.control.Matters;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.control.Text;

/**
 * Every component's {@link Matters}, by kind: how follow-ups, updates and the overview find a matter whatever its kind.
 * A matter the caller may not see, or whose branch they do not cover, is answered as absent (404), like one that
 * does not exist.
 */
@ApplicationScoped
public class MatterDirectory {

    @Inject
    Instance<Matters> providers;

    /** The kind from its wire code; 404 for a code no component provides. */
    public MatterKind kind(String code) {
        return MatterKind.ofCode(code).filter(k -> provider(k).isPresent())
                .orElseThrow(() -> Refusal.notFound(Text.of("patronrequests.followups.no-kind", code)));
    }

    /** The matter, if the caller may see it and covers its branch; 404 otherwise. */
    public Matter find(TenantWork.Acting at, MatterKind kind, UUID id) {
        return provider(kind).flatMap(p -> p.find(at, id)).filter(m -> at.covers(m.branch()))
                .orElseThrow(() -> Refusal.notFound(Text.of("patronrequests.followups.no-matter", kind.code(), id)));
    }

    /** The open matters of every kind the caller may see, at one branch or all. */
    public List<Matter> open(TenantWork.Acting at, String branch) {
        List<Matter> all = new ArrayList<>();
        for (Matters p : providers) {
            p.open(at, branch).stream().filter(m -> at.covers(m.branch())).forEach(all::add);
        }
        return all;
    }

    private Optional<Matters> provider(MatterKind kind) {
        for (Matters p : providers) {
            if (p.kind() == kind) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
