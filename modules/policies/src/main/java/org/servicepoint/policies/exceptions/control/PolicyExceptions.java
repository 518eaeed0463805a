package org.servicepoint.policies.exceptions.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.servicepoint.confidentiality.control.PatronReferences;
import org.servicepoint.confidentiality.control.SealedText;
import org.servicepoint.platform.control.BranchScope;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.policies.control.PolicyLibrary;
import org.servicepoint.policies.control.PolicyTerms;
import org.servicepoint.policies.exceptions.control.ExceptionRules.Checked;
import org.servicepoint.policies.exceptions.control.ExceptionRules.Range;
import org.servicepoint.policies.exceptions.control.ExceptionStore.Names;
import org.servicepoint.policies.exceptions.control.ExceptionStore.Recorded;
import org.servicepoint.policies.exceptions.entity.PolicyException;
import org.servicepoint.staffing.control.Roster;
import org.servicepoint.staffing.control.StaffRecord;
import org.servicepoint.tenancy.control.LibraryWork;
import org.servicepoint.tenancy.control.TenantOutline;

/**
 * Exceptions on record and the consistency report. Each method is one transaction that binds the tenant and writes its
 * audit line; the policy's terms come from {@link PolicyLibrary}, the approver from the roster, the patron (if named)
 * is checked through confidentiality's {@link PatronReferences}. Audit lines carry ids, keys, branches and positions,
 * never what was asked or granted.
 */
@ApplicationScoped
public class PolicyExceptions {

    @PersistenceContext(unitName = "policies")
    EntityManager em;

    @Inject
    LibraryWork work;

    @Inject
    PolicyLibrary policies;

    @Inject
    Roster roster;

    @Inject
    PatronReferences patronReferences;

    @Inject
    SealedText sealedText;

    Clock clock = Clock.systemUTC();

    /**
     * Records an exception to a flexible policy, or answers the one a repeat of the same request recorded moments ago
     * ({@link Recorded#created()} false). Refused, with nothing stored: bad input (400), another branch (403), a strict
     * policy (409 with its reason), an approver whose position may not grant it (422).
     */
    @Transactional
    public Recorded record(TenantId tenant, Caller caller, NewException wanted) {
        requireStaff(caller, tenant);
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        TenantOutline library = at.outline();
        Checked checked = ExceptionRules.check(wanted, library, caller, clock.instant());
        PolicyTerms terms = policies.find(tenant, caller, checked.policy())
                .orElseThrow(() -> Refusal.invalid("policy", Text.of("policies.exceptions.policy.unknown")));
        ExceptionRules.requireFlexible(terms);
        Map<UUID, StaffRecord> everyone = roster.everyone(tenant, caller);
        StaffRecord approver = ExceptionRules.approver(checked, everyone, caller, library.zone());
        ExceptionRules.requireMayApprove(terms, approver.position(), library);
        // The one way to tell an id is a patron reference of this library system; its own audit line records the check.
        if (checked.patronReference() != null && !patronReferences.exists(tenant, caller, checked.patronReference())) {
            throw Refusal.invalid("patronReference", Text.of("policies.exceptions.patron.unknown"));
        }
        Recorded recorded = store(at, library, names(everyone, Map.of(terms.key(), terms.title())))
                .record(at.db(), caller, checked, new PolicyException.Policy(terms.key(), terms.version()),
                        new PolicyException.Approver(approver.id(), approver.position()));
        ExceptionView made = recorded.exception();
        at.audit("policy-exception.record", target(tenant, made.id()), recorded.created()
                ? "policy " + made.policy() + " version " + made.policyVersion() + " at " + made.branch() + ", approved by staff "
                        + approver.id() + " (" + approver.position() + ")"
                        + (made.patronReference() == null ? "" : ", patron reference " + made.patronReference())
                : "the same request again within a minute: the exception already recorded returned, nothing new stored");
        return recorded;
    }

    /**
     * Who may approve an exception to a flexible policy today, the caller's branch first: the choices for
     * {@code approvedBy}. A strict policy answers 409 with its reason, as recording would.
     */
    @Transactional
    public List<ApproverChoice> approvers(TenantId tenant, Caller caller, String policy) {
        requireStaff(caller, tenant);
        String key = ExceptionRules.policyKey(policy);
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        TenantOutline library = at.outline();
        PolicyTerms terms = policies.find(tenant, caller, key)
                .orElseThrow(() -> Refusal.invalid("policy", Text.of("policies.exceptions.policy.unknown")));
        ExceptionRules.requireFlexible(terms);
        return ExceptionRules.approvers(terms, library, roster.everyone(tenant, caller).values(), caller,
                LocalDate.now(clock.withZone(library.zone())));
    }

    /** Exceptions the caller may see, newest first: their own branch's, or any branch's for headquarters and tenant admins. */
    @Transactional
    public List<ExceptionView> list(TenantId tenant, Caller caller, String policy, String branch, String from, String to, int limit) {
        requireStaff(caller, tenant);
        Range range = ExceptionRules.range(from, to);
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        TenantOutline library = at.outline();
        String asked = ExceptionRules.blankToNull(branch);
        if (asked != null && !library.hasBranch(asked)) {
            throw Refusal.invalid("branch", Text.of("policies.exceptions.branch.unknown"));
        }
        String narrowed = at.narrow(asked);
        List<ExceptionView> found = store(at, library, names(roster.everyone(tenant, caller), titles(tenant, caller)))
                .list(at.db(), new ExceptionStore.Filter(ExceptionRules.blankToNull(policy), narrowed, range.from(), range.to(), limit));
        at.audit("policy-exception.list", "tenant/" + tenant + "/policy-exceptions", found.size() + " exception(s); branch "
                + (narrowed == null ? "any" : narrowed) + (policy == null || policy.isBlank() ? "" : ", policy " + policy.strip())
                + (range.from() == null ? "" : ", from " + range.from()) + (range.to() == null ? "" : ", to " + range.to()));
        return found;
    }

    /** One exception, of a branch the caller covers; any other is answered as not found, like another tenant's. */
    @Transactional
    public ExceptionView read(TenantId tenant, Caller caller, UUID id) {
        requireStaff(caller, tenant);
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        TenantOutline library = at.outline();
        ExceptionStore store = store(at, library, names(roster.everyone(tenant, caller), titles(tenant, caller)));
        PolicyException found = store.find(at.db(), id).filter(e -> at.covers(e.branchCode()))
                .orElseThrow(() -> Refusal.notFound(Text.of("policies.exceptions.not-found", id)));
        at.audit("policy-exception.read", target(tenant, id), "policy " + found.policyKey() + " at " + found.branchCode());
        return store.view(found);
    }

    /** The consistency report over a range of days (the last twelve months by default): headquarters and tenant admins. */
    @Transactional
    public ConsistencyReport consistency(TenantId tenant, Caller caller, String from, String to) {
        requireStaff(caller, tenant);
        if (!BranchScope.acrossBranches(caller)) {
            throw Refusal.forbidden(Text.of("policies.exceptions.forbidden.report"));
        }
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        TenantOutline library = at.outline();
        Range range = ExceptionRules.reportRange(from, to, LocalDate.now(clock.withZone(library.zone())));
        ExceptionStore store = store(at, library, names(Map.of(), Map.of()));
        ConsistencyFigures.Figures figures = ConsistencyFigures.of(store.counted(at.db(), range.from(), range.to()),
                library.branches().stream().map(TenantOutline.BranchName::code).toList(), range.from(), range.to());
        ConsistencyReport report = ConsistencyReport.of(figures, library, titles(tenant, caller), roster.everyone(tenant, caller));
        at.audit("policy-exception.consistency", "tenant/" + tenant + "/policy-exceptions/consistency", "from " + range.from()
                + " to " + range.to() + ": " + figures.policies().stream().mapToInt(ConsistencyFigures.PolicyCount::count).sum()
                + " exception(s)");
        return report;
    }

    private static void requireStaff(Caller caller, TenantId tenant) {
        if (caller == null || !caller.isStaffOf(tenant)) {
            throw Refusal.forbidden(Text.of("policies.exceptions.forbidden.staff"));
        }
    }

    private Map<String, String> titles(TenantId tenant, Caller caller) {
        Map<String, String> titles = new HashMap<>();
        policies.all(tenant, caller).forEach(p -> titles.put(p.key(), p.title()));
        return titles;
    }

    private static Names names(Map<UUID, StaffRecord> everyone, Map<String, String> titles) {
        Map<UUID, String> tagNames = new HashMap<>();
        everyone.forEach((id, m) -> tagNames.put(id, m.tagName()));
        return new Names(tagNames, titles);
    }

    private ExceptionStore store(LibraryWork.InLibrary at, TenantOutline library, Names names) {
        return new ExceptionStore(at.tenant(), library, clock, sealedText.in(at.tenant(), at.caller()), names);
    }

    private static String target(TenantId tenant, UUID id) {
        return "tenant/" + tenant + "/policy-exceptions/" + id;
    }
}
