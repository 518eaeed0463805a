package org.servicepoint.staffing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.servicepoint.confidentiality.control.ConfidentialityKeys;
import org.servicepoint.confidentiality.control.KeyRing;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.FreeText;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.ChainOfCommand.Decision;
import org.servicepoint.staffing.control.ChainOfCommand.Person;
import org.servicepoint.staffing.entity.Escalation;
import org.servicepoint.staffing.entity.StaffMember;
import org.servicepoint.staffing.entity.StaffNotice;
import org.servicepoint.tenancy.control.BranchSpec;
import org.servicepoint.tenancy.control.LibraryWork;
import org.servicepoint.tenancy.control.TenantSpec;

/**
 * "Who is in charge at this branch right now, and who do I take this situation to?" — answered from the duty
 * schedule and the library system's chain of command. Every escalation is recorded and the people the rules
 * say must be told get a notice in the app.
 */
@ApplicationScoped
public class Escalations {

    @PersistenceContext(unitName = "staffing")
    EntityManager em;

    @Inject
    LibraryWork work;

    /** Notes and outcomes may describe patrons: sealed with the library system's data key. */
    @Inject
    ConfidentialityKeys keys;

    Clock clock = Clock.systemUTC();

    private final ScheduleStore schedule = new ScheduleStore();
    private final EscalationStore store = new EscalationStore();

    public record PersonView(UUID staffMemberId, String tagName, String positionName) {
        static PersonView of(Person p) {
            return p == null ? null : new PersonView(p.id(), p.tagName(), p.positionName());
        }
    }

    public record InCharge(String branch, String branchName, OffsetDateTime at, PersonView person, boolean headquarters,
                           String explanation) {
    }

    public record Notified(String tagName, String why) {
    }

    public record EscalationView(UUID id, String branch, String situation, String situationTitle, String reportedBy,
                                 String note, PersonView decides, String decidesTagName, boolean atHeadquarters,
                                 String reason, List<Notified> notified, OffsetDateTime createdAt, String outcome,
                                 OffsetDateTime outcomeAt) {
    }

    public record NoticeView(UUID id, String text, UUID escalationId, OffsetDateTime createdAt, boolean read) {
    }

    public record SituationView(String code, String title) {
    }

    public List<SituationView> situations() {
        return java.util.Arrays.stream(Situation.values()).map(s -> new SituationView(s.code(), s.title())).toList();
    }

    @Transactional
    public InCharge inCharge(TenantId tenant, Caller caller, String branchCode) {
        Context context = context(work.actFor(em, tenant, caller), branchCode);
        var person = ChainOfCommand.inCharge(context.onDuty(branchCode), context.rules());
        String explanation = person.map(p -> p.tagName() + " (" + p.positionName() + ") is the most senior person on duty who may be in charge")
                .orElse("nobody on duty at " + branchCode + " may be in charge: headquarters is");
        return new InCharge(branchCode, context.branch().name(), context.now().atZone(context.zone()).toOffsetDateTime(),
                PersonView.of(person.orElse(null)), person.isEmpty(), explanation);
    }

    @Transactional
    public EscalationView escalate(TenantId tenant, Caller caller, String branchCode, String situationCode, String note) {
        Situation situation;
        try {
            situation = Situation.ofCode(situationCode);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("situation", e.getMessage());
        }
        note = FreeText.check("note", note, 1000, false, true);
        // Raised at one's own branch; headquarters and tenant administrators at any.
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        at.requireCovers(branchCode);
        Context context = context(at, branchCode);
        Decision decision = ChainOfCommand.escalate(situation, branchCode, context.onDuty(branchCode),
                context.onDuty(context.rules().headquartersBranch()), context.roster(), context.rules());
        Person decides = decision.decides().orElse(null);
        Escalation escalation = new Escalation(branchCode, situation.code(), caller.auditName(), null,
                decides == null ? null : decides.tagName(), decides == null ? null : decides.positionName(),
                decision.atHeadquarters(), decision.reason());
        if (decides != null) {
            escalation.routeTo(decides.id(), decides.username(), decides.positionCode(), decides.branchCode());
        }
        KeyRing ring = keys.ring(tenant, caller, true);
        EntityManager bound = at.db();
        store.persist(bound, ring, escalation, note);
        for (var notice : decision.notices()) {
            bound.persist(new StaffNotice(notice.person().id(), notice.person().username(), notice.why(), escalation.id()));
        }
        if (decides != null && !decision.notices().stream().anyMatch(n -> n.person().id().equals(decides.id()))) {
            bound.persist(new StaffNotice(decides.id(), decides.username(),
                    "\"" + situation.title() + "\" at " + branchCode + " comes to you: " + decision.reason(), escalation.id()));
        }
        bound.flush();
        at.audit("escalation.create", "escalation/" + escalation.id(),
                situation.code() + " at " + branchCode + " to " + (decides == null ? "nobody" : "staff/" + decides.id()));
        return view(escalation, new EscalationStore.Texts(note, null),
                decision.notices().stream().map(n -> new Notified(n.person().tagName(), n.why())).toList(), decides);
    }

    /**
     * Newest first: headquarters and tenant administrators see every escalation, persons in charge those of their
     * branch, everyone those they reported or that were routed to them (notes may describe patrons). The rule is part
     * of the query, so the limit never hides someone's own older escalations.
     */
    @Transactional
    public List<EscalationView> list(TenantId tenant, Caller caller, String branchCode) {
        KeyRing ring = keys.ring(tenant, caller, false);
        EntityManager bound = work.actFor(em, tenant, caller).db();
        return store.list(bound, caller, branchCode).stream()
                .map(e -> view(e, store.open(ring, e), notified(bound, e.id()), null)).toList();
    }

    @Transactional
    public EscalationView read(TenantId tenant, Caller caller, UUID id) {
        KeyRing ring = keys.ring(tenant, caller, false);
        EntityManager bound = work.actFor(em, tenant, caller).db();
        Escalation escalation = visible(bound, caller, id);
        return view(escalation, store.open(ring, escalation), notified(bound, id), null);
    }

    private static Escalation visible(EntityManager bound, Caller caller, UUID id) {
        Escalation escalation = bound.find(Escalation.class, id);
        if (escalation == null || !EscalationRules.sees(caller, escalation.branchCode(), escalation.reportedBy(), routed(escalation))) {
            throw Refusal.notFound(Text.of("staffing.not-found.escalation", id));
        }
        return escalation;
    }

    private static EscalationRules.Routed routed(Escalation e) {
        return new EscalationRules.Routed(e.decidedByStaffMemberId(), e.decidedByUsername(), e.decidedByPositionCode(),
                e.decidedByBranch());
    }

    /**
     * An escalation as other contexts see it (patron requests' follow-ups and overview): where, what kind of situation,
     * when, whether it is still open and to whom it went; never its note or outcome, which may describe patrons.
     */
    public record Summary(UUID id, String branch, String situation, String situationTitle, OffsetDateTime createdAt,
                          boolean open, String decidedByUsername) {
    }

    /** The escalation if the caller may see it (the same rule as {@link #read}); in the caller's transaction. */
    @Transactional
    public java.util.Optional<Summary> summary(TenantId tenant, Caller caller, UUID id) {
        Escalation e = work.actFor(em, tenant, caller).db().find(Escalation.class, id);
        if (e == null || !EscalationRules.sees(caller, e.branchCode(), e.reportedBy(), routed(e))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(summary(e));
    }

    /** The escalations without an outcome the caller may see (as {@link #list}), at one branch or all, newest first. */
    @Transactional
    public List<Summary> unresolved(TenantId tenant, Caller caller, String branchCode) {
        return store.list(work.actFor(em, tenant, caller).db(), caller, branchCode).stream()
                .filter(e -> !e.hasOutcome()).map(Escalations::summary).toList();
    }

    private static Summary summary(Escalation e) {
        return new Summary(e.id(), e.branchCode(), e.situation(), Situation.ofCode(e.situation()).title(), e.createdAt(),
                !e.hasOutcome(), e.decidedByUsername());
    }

    /**
     * How an escalation ended, recorded once by whom it was routed to (or someone of the same or a higher position
     * who may handle the situation): see {@link EscalationRules#mayDecide}.
     */
    @Transactional
    public EscalationView recordOutcome(TenantId tenant, Caller caller, UUID id, String outcome) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        EntityManager bound = at.db();
        Escalation escalation = visible(bound, caller, id);
        String checked = FreeText.check("outcome", outcome, 1000, true, true);
        Context context = context(at, escalation.branchCode());
        Person me = context.roster().stream().filter(p -> caller.name().equals(p.username())).findFirst().orElse(null);
        Situation situation = Situation.ofCode(escalation.situation());
        EscalationRules.Routed routed = routed(escalation);
        if (routed.positionCode() == null && escalation.decidedByPosition() != null) {
            // Rows from before routing was recorded name the position by title only.
            String code = context.spec().positions().stream().filter(p -> p.name().equals(escalation.decidedByPosition()))
                    .map(TenantSpec.PositionSpec::code).findFirst().orElse(null);
            routed = new EscalationRules.Routed(null, null, code, null);
        }
        if (!EscalationRules.mayDecide(me, situation, escalation.branchCode(), context.rules().headquartersBranch(), routed,
                context.rank())) {
            throw EscalationRules.notYours();
        }
        if (escalation.hasOutcome()) {
            throw Refusal.conflict(Text.of("staffing.escalation.outcome-recorded"));
        }
        KeyRing ring = keys.ring(tenant, caller, true);
        EscalationStore.Texts before = store.open(ring, escalation);
        store.close(ring, escalation, checked, caller.auditName());
        at.audit("escalation.outcome", "escalation/" + id, null);
        return view(escalation, new EscalationStore.Texts(before.note(), checked), notified(bound, id), null);
    }

    /**
     * Who decides a request for patron information logged at {@code branchCode}: see
     * {@link ChainOfCommand#disclosureDeciders}. In the caller's transaction.
     */
    @Transactional
    public List<Person> disclosureDeciders(TenantId tenant, String branchCode) {
        Context context = context(work.actFor(em, tenant, Caller.SYSTEM), branchCode);
        return ChainOfCommand.disclosureDeciders(branchCode, context.onDuty(branchCode),
                context.onDuty(context.rules().headquartersBranch()), context.roster(), context.rules());
    }

    /** The caller's own notices, newest first. */
    @Transactional
    public List<NoticeView> notices(TenantId tenant, Caller caller) {
        return work.actFor(em, tenant, caller).db()
                .createQuery("select n from StaffNotice n where n.username = :me order by n.createdAt desc", StaffNotice.class)
                .setParameter("me", caller.name()).setMaxResults(100).getResultList().stream()
                .map(n -> new NoticeView(n.id(), n.text(), n.escalationId(), n.createdAt(), n.readAt() != null)).toList();
    }

    @Transactional
    public void markRead(TenantId tenant, Caller caller, UUID id) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        StaffNotice notice = at.db().find(StaffNotice.class, id);
        if (notice == null || !caller.name().equals(notice.username())) {
            throw Refusal.notFound(Text.of("staffing.not-found.notice", id));
        }
        if (notice.readAt() == null) {
            notice.markRead();
            at.audit("notice.read", "notice/" + id, null);
        }
    }

    private List<Notified> notified(EntityManager bound, UUID escalationId) {
        return bound.createQuery("select n from StaffNotice n where n.escalationId = :id order by n.createdAt", StaffNotice.class)
                .setParameter("id", escalationId).getResultList().stream()
                .map(n -> new Notified(null, n.text())).toList();
    }

    private static EscalationView view(Escalation e, EscalationStore.Texts texts, List<Notified> notified, Person decides) {
        Situation situation = Situation.ofCode(e.situation());
        return new EscalationView(e.id(), e.branchCode(), situation.code(), situation.title(), e.reportedBy(), texts.note(),
                PersonView.of(decides), e.decidedByTagName(), e.atHeadquarters(), e.reason(), notified, e.createdAt(),
                texts.outcome(), e.outcomeAt());
    }

    /** Everything the rules need about one moment: the roster as people, and who is on duty where. */
    private record Context(TenantSpec spec, BranchSpec branch, ZoneId zone, Instant now, ChainOfCommand.Rules rules,
                           List<Person> roster, Map<String, Set<UUID>> onDutyByBranch, Map<String, Integer> rank) {
        List<Person> onDuty(String branchCode) {
            Set<UUID> ids = onDutyByBranch.getOrDefault(branchCode, Set.of());
            return roster.stream().filter(p -> ids.contains(p.id())).toList();
        }
    }

    private Context context(LibraryWork.InLibrary at, String branchCode) {
        TenantSpec spec = at.document();
        BranchSpec branch = spec.branches().stream().filter(b -> b.code().equals(branchCode)).findFirst()
                .orElseThrow(() -> Refusal.notFound(Text.of("platform.not-found.branch", branchCode)));
        String hq = spec.branches().stream().filter(BranchSpec::isHeadquarters).map(BranchSpec::code).findFirst().orElse(branchCode);
        var chain = spec.effectiveChainOfCommand();
        ChainOfCommand.Rules rules = new ChainOfCommand.Rules(chain.substitutesOnlyWithoutPermanentStaff(), chain.notifyWhenAbsent(), hq);
        ZoneId zone = ZoneId.of(spec.timeZone());
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);

        Map<String, Integer> rank = new HashMap<>();
        Map<String, TenantSpec.PositionSpec> positions = new HashMap<>();
        for (int i = 0; i < spec.positions().size(); i++) {
            rank.put(spec.positions().get(i).code(), i + 1);
            positions.put(spec.positions().get(i).code(), spec.positions().get(i));
        }
        EntityManager bound = at.db();
        List<Person> roster = bound.createQuery("select s from StaffMember s", StaffMember.class).getResultList().stream()
                .filter(s -> s.activeOn(today) && positions.containsKey(s.positionCode()))
                .map(s -> new Person(s.id(), s.tagName(), s.username(), s.positionCode(), positions.get(s.positionCode()).name(),
                        rank.get(s.positionCode()), Set.copyOf(positions.get(s.positionCode()).may()), s.employmentType(),
                        s.branchCode()))
                .toList();
        var inputs = schedule.load(bound, List.of(branchCode, hq), today.minusDays(1), today);
        Map<String, Set<UUID>> onDuty = new HashMap<>();
        for (var duty : ScheduleCalendar.expand(zone, today.minusDays(1), today, inputs.shifts(), inputs.absences())) {
            if (!duty.start().toInstant().isAfter(now) && duty.end().toInstant().isAfter(now)) {
                onDuty.computeIfAbsent(duty.branch(), b -> new HashSet<>()).add(duty.staffMemberId());
            }
        }
        return new Context(spec, branch, zone, now, rules, roster, onDuty, Map.copyOf(rank));
    }
}
