package org.servicepoint.patronrequests.followups.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.patronrequests.control.Matter;
import org.servicepoint.patronrequests.entity.MatterKind;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Csv;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.TenantDirectory;
import org.servicepoint.tenancy.control.TenantOutline;

/**
 * Headquarters' overview of what patrons brought: per branch, complaints waiting and overdue, new comment cards, open
 * reconsiderations, call-backs due and overdue, follow-ups past due; and every open matter, overdue first. From every
 * component's {@link org.servicepoint.patronrequests.control.Matters}, under the branch rule (a person in charge sees
 * their own branch).
 */
@ApplicationScoped
public class Overview {

    @PersistenceContext(unitName = "patron-requests")
    EntityManager em;

    @Inject
    TenantWork work;

    @Inject
    MatterDirectory matters;

    @Inject
    TenantDirectory directory;

    Clock clock = Clock.systemUTC();

    @Schema(name = "PatronRequestsBranchCounts")
    public record BranchCounts(String code, String name, int complaintsWaiting, int complaintsOverdue, int commentCardsNew,
                               int reconsiderationsOpen, int callBacksDue, int callBacksOverdue, int followUpsPastDue) {
    }

    @Schema(name = "PatronRequestsOpenMatter")
    public record OpenMatter(String kind, UUID id, String reference, String branch, String label, String state, Instant openedAt,
                             Instant dueAt, boolean overdue) {
    }

    @Schema(name = "PatronRequestsOverview")
    public record View(List<BranchCounts> branches, List<OpenMatter> matters) {
    }

    @Transactional
    public View read(TenantId tenant, Caller caller, String branch) {
        TenantWork.Acting at = work.actFor(em, tenant, caller);
        TenantOutline outline = directory.outline(tenant);
        String narrowed = at.narrow(branch);
        if (narrowed != null && !outline.hasBranch(narrowed)) {
            throw org.servicepoint.platform.control.Refusal.notFound(
                    org.servicepoint.platform.control.Text.of("platform.not-found.branch", narrowed));
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, outline.zone());
        Map<String, Integer> pastDue = new FollowUpStore(clock).pastDueByBranch(at.db(), narrowed, today);
        List<TenantOutline.BranchName> branches = outline.branches().stream()
                .filter(b -> narrowed == null || b.code().equals(narrowed)).toList();
        return of(branches, matters.open(at, narrowed), pastDue, now);
    }

    /** The overview as CSV (the open matters, overdue first), every cell guarded against formulas; audited. */
    @Transactional
    public String csv(TenantId tenant, Caller caller, String branch) {
        View view = read(tenant, caller, branch);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("kind", "reference", "branch", "label", "state", "openedAt", "dueAt", "overdue"));
        for (OpenMatter m : view.matters()) {
            rows.add(java.util.stream.Stream.of(m.kind(), m.reference(), m.branch(), m.label(), m.state(), text(m.openedAt()),
                    text(m.dueAt()), String.valueOf(m.overdue())).map(c -> Csv.guard(c == null ? "" : c)).toList());
        }
        work.actFor(em, tenant, caller).audit("patron-requests.overview-export", "tenant/" + tenant + "/patron-requests/overview",
                (branch == null ? "all branches" : branch) + ", " + view.matters().size() + " matters");
        return Csv.BYTE_ORDER_MARK + Csv.write(rows);
    }

    /** The counts per branch (every branch listed, with zeros) and the open matters, overdue first, then oldest first. */
    public static View of(List<TenantOutline.BranchName> branches, List<Matter> open, Map<String, Integer> followUpsPastDue, Instant now) {
        List<BranchCounts> counts = new ArrayList<>();
        for (TenantOutline.BranchName b : branches) {
            List<Matter> here = open.stream().filter(m -> b.code().equals(m.branch()) && m.open()).toList();
            counts.add(new BranchCounts(b.code(), b.name(),
                    count(here, MatterKind.COMPLAINT, false, now), count(here, MatterKind.COMPLAINT, true, now),
                    (int) here.stream().filter(m -> m.ref().kind() == MatterKind.COMMENT_CARD && "new".equals(m.state())).count(),
                    count(here, MatterKind.RECONSIDERATION, false, now),
                    count(here, MatterKind.CALL_BACK, false, now), count(here, MatterKind.CALL_BACK, true, now),
                    followUpsPastDue.getOrDefault(b.code(), 0)));
        }
        List<OpenMatter> listed = open.stream().filter(Matter::open)
                .sorted(Comparator.comparing((Matter m) -> !m.overdue(now)).thenComparing(Matter::openedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(m -> new OpenMatter(m.ref().kind().code(), m.ref().id(), m.reference(), m.branch(), m.label(), m.state(), m.openedAt(),
                        m.dueAt(), m.overdue(now)))
                .toList();
        return new View(counts, listed);
    }

    private static int count(List<Matter> matters, MatterKind kind, boolean overdueOnly, Instant now) {
        return (int) matters.stream().filter(m -> m.ref().kind() == kind && (!overdueOnly || m.overdue(now))).count();
    }

    private static String text(Instant at) {
        return at == null ? "" : at.toString();
    }
}
