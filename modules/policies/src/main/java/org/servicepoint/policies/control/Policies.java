package org.servicepoint.policies.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.policies.control.PolicyViews.Acknowledged;
import org.servicepoint.policies.control.PolicyViews.Acknowledgement;
import org.servicepoint.policies.control.PolicyViews.Detail;
import org.servicepoint.policies.control.PolicyViews.Difference;
import org.servicepoint.policies.control.PolicyViews.FieldDifference;
import org.servicepoint.policies.control.PolicyViews.Listing;
import org.servicepoint.policies.control.PolicyViews.Outstanding;
import org.servicepoint.policies.control.PolicyViews.Overview;
import org.servicepoint.policies.control.PolicyViews.Position;
import org.servicepoint.policies.control.PolicyViews.Version;
import org.servicepoint.policies.entity.Policy;
import org.servicepoint.policies.entity.PolicyAcknowledgement;
import org.servicepoint.policies.entity.PolicyCategory;
import org.servicepoint.policies.entity.PolicyVersion;
import org.servicepoint.staffing.control.Roster;
import org.servicepoint.staffing.control.StaffRecord;
import org.servicepoint.tenancy.control.ConfigurationEdited;
import org.servicepoint.tenancy.control.LibraryWork;
import org.servicepoint.tenancy.control.Plan;
import org.servicepoint.tenancy.control.TenantOutline;

/**
 * The policy library for staff: list and search, a policy with its history, the difference between two versions,
 * acknowledgements and who has not given one, and editing by tenant administrators. Each method is one transaction
 * that binds the tenant; every change is audited.
 */
@ApplicationScoped
public class Policies {

    public static final int MAX_LIST = 500;
    static final int SUMMARY = 200;

    @PersistenceContext(unitName = "policies")
    EntityManager em;

    @Inject
    LibraryWork work;

    @Inject
    Roster roster;

    @Inject
    jakarta.enterprise.event.Event<ConfigurationEdited> edited;

    Clock clock = Clock.systemUTC();

    /** Every policy, or those matching {@code q} best first; {@code category} narrows either. */
    @Transactional
    public List<Listing> list(TenantId tenant, Caller caller, String q, String category) {
        LibraryWork.InLibrary at = reading(tenant, caller);
        String wanted = category(category);
        EntityManager db = at.db();
        Map<String, Policy> byKey = new HashMap<>();
        PolicyStore.all(db).forEach(p -> byKey.put(p.key(), p));
        Map<UUID, PolicyAcknowledgement> mine = Acknowledgements.latestOf(db, caller.name());
        String position = position(caller);
        List<Listing> listed = new ArrayList<>();
        if (q == null || q.isBlank()) {
            for (Policy p : PolicyStore.all(db)) {
                if (wanted == null || wanted.equals(p.category().wire())) {
                    listed.add(listing(db, p, null, mine, position));
                }
            }
            return listed;
        }
        String language = SearchLanguage.of(at.outline().language());
        for (PolicySearch.Hit hit : PolicySearch.find(db, language, q.strip(), wanted, MAX_LIST)) {
            listed.add(listing(db, byKey.get(hit.key()), hit.snippet(), mine, position));
        }
        return listed;
    }

    @Transactional
    public Detail read(TenantId tenant, Caller caller, String key) {
        LibraryWork.InLibrary at = reading(tenant, caller);
        return detail(at.db(), at.outline(), policy(at.db(), key), caller);
    }

    @Transactional
    public Version version(TenantId tenant, Caller caller, String key, int version) {
        EntityManager db = reading(tenant, caller).db();
        return Version.of(version(db, policy(db, key), version));
    }

    /** The word-level difference of title, text, reason, approval and effective date, the fields that changed only. */
    @Transactional
    public Difference difference(TenantId tenant, Caller caller, String key, int from, int to) {
        EntityManager db = reading(tenant, caller).db();
        Policy policy = policy(db, key);
        PolicyVersion a = version(db, policy, from);
        PolicyVersion b = version(db, policy, to);
        List<FieldDifference> fields = new ArrayList<>();
        field(fields, "title", a.title(), b.title());
        field(fields, "text", a.text(), b.text());
        field(fields, "reason", a.reason(), b.reason());
        field(fields, "approval", a.approvedBy() + ", " + a.approvedOn(), b.approvedBy() + ", " + b.approvedOn());
        field(fields, "effectiveOn", a.effectiveOn().toString(), b.effectiveOn().toString());
        return new Difference(from, to, fields);
    }

    /** The caller acknowledges the current version; again is the same acknowledgement. */
    @Transactional
    public Acknowledged acknowledge(TenantId tenant, Caller caller, String key) {
        if (!caller.isStaffOf(tenant)) {
            throw Refusal.forbidden(Text.of("policies.forbidden.read"));
        }
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        Policy policy = policy(at.db(), key);
        boolean before = Acknowledgements.of(at.db(), policy, policy.currentVersion(), caller.name()).isPresent();
        PolicyAcknowledgement given = Acknowledgements.acknowledge(at.db(), policy, caller.name(), clock.instant());
        if (!before) {
            at.audit("policy.acknowledge", target(tenant, key), "version " + given.version());
        }
        return new Acknowledged(given.version(), given.acknowledgedAt());
    }

    /**
     * For each policy, how many of the staff the caller sees (a person in charge their own branch, headquarters and
     * tenant administrators every branch or the one asked) acknowledged its current version, and who has not. Staff
     * are the roster's active entries with a sign-in name whose position the policy applies to.
     */
    @Transactional
    public List<Overview> acknowledgements(TenantId tenant, Caller caller, String branch) {
        if (!caller.isStaffOf(tenant) || !(caller.roles().contains(Roles.PERSON_IN_CHARGE)
                || caller.roles().contains(Roles.HEADQUARTERS) || caller.roles().contains(Roles.TENANT_ADMIN))) {
            throw Refusal.forbidden(Text.of("policies.forbidden.overview"));
        }
        List<StaffRecord> staff = roster.list(tenant, caller, branch, false).stream()
                .filter(StaffRecord::active).filter(s -> s.username() != null).toList();
        EntityManager db = work.actFor(em, tenant, caller).db();
        List<Overview> overview = new ArrayList<>();
        for (Policy policy : PolicyStore.all(db)) {
            Set<String> given = Acknowledgements.usernames(db, policy, policy.currentVersion());
            List<StaffRecord> asked = staff.stream().filter(s -> Acknowledgements.applies(policy, s.position())).toList();
            List<Outstanding> outstanding = asked.stream().filter(s -> !given.contains(s.username()))
                    .map(s -> new Outstanding(s.id(), s.tagName(), s.branch(), s.position())).toList();
            overview.add(new Overview(policy.key(), PolicyStore.current(db, policy).title(), policy.currentVersion(),
                    asked.size() - outstanding.size(), outstanding));
        }
        return overview;
    }

    /** What putting {@code json} as policy {@code key} would change (tenant administrators). */
    @Transactional
    public Plan plan(TenantId tenant, Caller caller, String key, String json) {
        LibraryWork.InLibrary at = editing(tenant, caller);
        PolicySpec spec = PolicyDocuments.readOne(key, json, positions(at.outline()));
        return new Plan(false, PolicyChanges.run(at.db(), tenant.value(), List.of(spec), false, null));
    }

    /** Puts {@code json} as policy {@code key}: a new version only if the words or approval changed. */
    @Transactional
    public Detail put(TenantId tenant, Caller caller, String key, String json) {
        LibraryWork.InLibrary at = editing(tenant, caller);
        TenantOutline library = at.outline();
        PolicySpec spec = PolicyDocuments.readOne(key, json, positions(library));
        List<Plan.Change> changes = PolicyChanges.run(at.db(), tenant.value(), List.of(spec), false, new PolicyChanges.Writing(
                SearchLanguage.of(library.language()), caller.auditName(), clock.instant(), at::audit));
        if (new Plan(true, changes).changesAnything()) {
            edited.fire(new ConfigurationEdited(tenant, PolicyDocuments.FILE_NAME, caller));
        }
        return detail(at.db(), library, policy(at.db(), key), caller);
    }

    static PolicyDocuments.Positions positions(TenantOutline library) {
        return new PolicyDocuments.Positions(library.positionNames().keySet(), library.positionsThatMay(PolicyDocuments.GRANT));
    }

    private LibraryWork.InLibrary reading(TenantId tenant, Caller caller) {
        if (!PolicyRules.reads(caller, tenant)) {
            throw Refusal.forbidden(Text.of("policies.forbidden.read"));
        }
        return work.actFor(em, tenant, caller);
    }

    private LibraryWork.InLibrary editing(TenantId tenant, Caller caller) {
        if (!PolicyRules.edits(caller, tenant)) {
            throw Refusal.forbidden(Text.of("policies.forbidden.edit"));
        }
        return work.actFor(em, tenant, caller);
    }

    private static Detail detail(EntityManager db, TenantOutline library, Policy p, Caller caller) {
        Map<String, String> names = library.positionNames();
        List<PolicyVersion> versions = PolicyStore.versions(db, p);
        PolicyVersion current = versions.stream().filter(v -> v.version() == p.currentVersion()).findFirst().orElseThrow();
        List<PolicyViews.VersionEntry> history = new ArrayList<>(versions.stream().map(PolicyViews.VersionEntry::of).toList());
        java.util.Collections.reverse(history);
        String status = status(p, Optional.ofNullable(Acknowledgements.latestOf(db, caller.name()).get(p.id())), position(caller));
        Optional<PolicyAcknowledgement> own = Acknowledgements.of(db, p, p.currentVersion(), caller.name());
        return new Detail(p.key(), p.category().wire(), p.strictness().wire(), p.strictWhy(), p.exceptionLimits(),
                p.exceptionsBy().stream().map(c -> new Position(c, names.getOrDefault(c, c))).toList(),
                new Position(p.ownerPosition(), names.getOrDefault(p.ownerPosition(), p.ownerPosition())), p.appliesTo(),
                Version.of(current), history,
                new Acknowledgement(status, own.map(PolicyAcknowledgement::version).orElse(null),
                        own.map(PolicyAcknowledgement::acknowledgedAt).orElse(null)));
    }

    private static Listing listing(EntityManager db, Policy p, String snippet, Map<UUID, PolicyAcknowledgement> mine,
                                   String position) {
        PolicyVersion current = PolicyStore.current(db, p);
        return new Listing(p.key(), current.title(), p.category().wire(), p.strictness().wire(), summary(current.text()),
                p.currentVersion(), current.effectiveOn(), snippet, status(p, Optional.ofNullable(mine.get(p.id())), position));
    }

    /** current: the current version is acknowledged; needed: it is not; not-applicable: not asked of this position. */
    static String status(Policy p, Optional<PolicyAcknowledgement> latest, String position) {
        if (latest.isPresent() && latest.get().version() == p.currentVersion()) {
            return "current";
        }
        return Acknowledgements.applies(p, position) ? "needed" : "not-applicable";
    }

    /** The first sentence, or the first words up to {@link #SUMMARY} characters. */
    static String summary(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        int sentence = flat.indexOf(". ");
        if (sentence > 0 && sentence < SUMMARY) {
            return flat.substring(0, sentence + 1);
        }
        if (flat.length() <= SUMMARY) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', SUMMARY);
        return flat.substring(0, cut > 0 ? cut : SUMMARY) + " …";
    }

    /** The caller's position code: the token's claim, else a {@code position:<code>} role. */
    static String position(Caller caller) {
        return caller.attribute("position").filter(p -> !p.isBlank()).orElseGet(() -> caller.roles().stream()
                .filter(r -> r.startsWith(Roles.POSITION_PREFIX)).map(r -> r.substring(Roles.POSITION_PREFIX.length()))
                .sorted().findFirst().orElse(null));
    }

    private static void field(List<FieldDifference> fields, String name, String before, String after) {
        if (!before.equals(after)) {
            fields.add(new FieldDifference(name, WordDiff.between(before, after)));
        }
    }

    private static Policy policy(EntityManager db, String key) {
        return PolicyStore.byKey(db, key).orElseThrow(() -> PolicyLibrary.notFound(key));
    }

    private static PolicyVersion version(EntityManager db, Policy policy, int version) {
        return PolicyStore.version(db, policy, version)
                .orElseThrow(() -> Refusal.notFound(Text.of("policies.not-found.version", policy.key(), version)));
    }

    /** The category asked for, checked; null for all. */
    static String category(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        if (PolicyCategory.ofWire(category.strip()) == null) {
            throw Refusal.invalid("category", Text.of("policies.category.one-of", String.join(", ", PolicyCategory.wires())));
        }
        return category.strip();
    }

    private static String target(TenantId tenant, String key) {
        return "tenant/" + tenant + "/policies/" + key;
    }
}
