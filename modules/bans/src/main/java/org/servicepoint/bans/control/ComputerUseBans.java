package org.servicepoint.bans.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.servicepoint.bans.control.BanRules.Checked;
import org.servicepoint.bans.control.BanStore.Found;
import org.servicepoint.bans.control.BanStore.Imposed;
import org.servicepoint.confidentiality.control.PatronReferences;
import org.servicepoint.confidentiality.control.SealedText;
import org.servicepoint.incidents.reports.control.IncidentReports;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.LibraryWork;
import org.servicepoint.tenancy.control.TenantOutline;

/**
 * Computer-use bans: imposed and lifted by persons in charge, looked up at the desk by card. Each method is one
 * transaction that binds the tenant and writes its audit line. Audit lines carry ids, scopes, branches and times,
 * never a card number or the reason's text. The patron is handled only through {@link PatronReferences}, which
 * audits its own part (making, finding or checking the reference).
 */
@ApplicationScoped
public class ComputerUseBans {

    @PersistenceContext(unitName = "bans")
    EntityManager em;

    @Inject
    LibraryWork work;

    @Inject
    PatronReferences patronReferences;

    @Inject
    IncidentReports incidentReports;

    @Inject
    SealedText sealedText;

    Clock clock = Clock.systemUTC();

    /** A new ban, or the one a repeat of the same request made moments ago ({@link Imposed#created()} false). */
    @Transactional
    public Imposed impose(TenantId tenant, Caller caller, NewBan wanted) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        TenantOutline library = library(at);
        Checked checked = BanRules.check(wanted, library, caller, clock.instant());
        // Refused before any patron reference is made or checked for it.
        if (!BanRules.mayImpose(caller, tenant, checked.scope(), checked.branch())) {
            throw BanRules.forbidden(Text.of("bans.forbidden.own-branch"));
        }
        UUID patron = patron(tenant, caller, wanted);
        UUID incident = wanted.incidentReportId() == null ? null : incidentReport(tenant, caller, wanted.incidentReportId());
        Imposed imposed = store(at, library).impose(at.db(), caller, patron, incident, checked);
        BanView ban = imposed.ban();
        at.audit("computer-use-ban.impose", target(tenant, ban.id()), imposed.created()
                ? describe(ban) + ", patron reference " + patron + (incident == null ? "" : ", incident report " + incident)
                : "the same request again within a minute: the existing ban returned, nothing new stored");
        return imposed;
    }

    @Transactional
    public BanView read(TenantId tenant, Caller caller, UUID id) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        BanView ban = store(at, library(at)).read(at.db(), caller, id);
        at.audit("computer-use-ban.read", target(tenant, id), ban.status());
        return ban;
    }

    /** Lists are audited too: they show who is banned (as patron references) and why. */
    @Transactional
    public List<BanView> list(TenantId tenant, Caller caller, BanFilter filter) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        List<BanView> bans = store(at, library(at)).list(at.db(), caller, filter);
        at.audit("computer-use-ban.list", "tenant/" + tenant + "/computer-use-bans", bans.size()
                + " ban(s); status " + (filter.status() == null ? "any" : BanView.wire(filter.status()))
                + ", branch " + (filter.branch() == null ? "any" : filter.branch())
                + (filter.reviewDue() == null ? "" : ", review due " + filter.reviewDue()));
        return bans;
    }

    @Transactional
    public BanView lift(TenantId tenant, Caller caller, UUID id, String reason, Long versionRead) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        BanView lifted = store(at, library(at)).lift(at.db(), caller, id, reason, versionRead);
        at.audit("computer-use-ban.lift", target(tenant, id), "lifted; it would have ended " + lifted.endsAt());
        return lifted;
    }

    /**
     * The desk's question: is this card banned from computers at this branch now? Without a branch, the caller's
     * own. Audited every time, with the answer, never with the card.
     */
    @Transactional
    public BanLookup lookup(TenantId tenant, Caller caller, String cardNumber, String branch) {
        if (!caller.isStaffOf(tenant)) {
            throw BanRules.forbidden(Text.of("bans.forbidden.lookup"));
        }
        LibraryWork.InLibrary acting = work.actFor(em, tenant, caller);
        TenantOutline library = library(acting);
        String at = BanRules.lookupBranch(branch, library, caller);
        Found found = patronReferences.lookup(tenant, caller, cardNumber)
                .map(patron -> store(acting, library).lookup(acting.db(), patron, at))
                .orElseGet(() -> new Found(BanLookup.notBanned(at), null));
        acting.audit("computer-use-ban.lookup",
                found.banId() == null ? "tenant/" + tenant + "/computer-use-bans" : target(tenant, found.banId()),
                found.answer().banned()
                        ? "banned at " + at + " until " + found.answer().endsAt() + " (" + found.answer().scope() + " ban)"
                        : "not banned at " + at);
        return found.answer();
    }

    /** The patron reference of the ban: made or found for a card, or an existing one checked to exist. */
    private UUID patron(TenantId tenant, Caller caller, NewBan wanted) {
        if (wanted.patronReferenceId() == null) {
            return patronReferences.reference(tenant, caller, wanted.cardNumber(), wanted.displayName()).id();
        }
        // The one public way to tell that a reference exists; its own audit line records the check.
        if (patronReferences.reveal(tenant, caller, wanted.patronReferenceId()).isEmpty()) {
            throw Refusal.invalid("patronReferenceId", Text.of("bans.patron.unknown"));
        }
        return wanted.patronReferenceId();
    }

    /** An incident report of this library system that the caller may see, read through the incidents module. */
    private UUID incidentReport(TenantId tenant, Caller caller, UUID id) {
        try {
            return incidentReports.read(tenant, caller, id).id();
        } catch (Refusal e) {
            if (e.status() == 404) {
                throw Refusal.invalid("incidentReportId", Text.of("bans.report.unknown-or-hidden"));
            }
            throw e;
        }
    }

    private static String describe(BanView ban) {
        return ban.scope() + " ban" + (ban.branch() == null ? "" : " at " + ban.branch()) + " from " + ban.startsAt() + " until "
                + ban.endsAt() + (ban.reviewOn() == null ? "" : ", review on " + ban.reviewOn());
    }

    private static TenantOutline library(LibraryWork.InLibrary at) {
        // The outline (names and zone, not every branch's hours), read in this transaction: a branch removed a
        // moment ago is refused.
        return at.outline();
    }

    private BanStore store(TenantWork.Acting at, TenantOutline library) {
        return new BanStore(at.tenant(), library, clock, sealedText.in(at.tenant(), at.caller()));
    }

    private static String target(TenantId tenant, UUID id) {
        return "tenant/" + tenant + "/computer-use-bans/" + id;
    }
}
