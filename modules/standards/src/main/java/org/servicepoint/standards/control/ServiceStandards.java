package org.servicepoint.standards.control;

import com.networknt.schema.InputFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.Situation;
import org.servicepoint.standards.entity.AdoptedStandard;
import org.servicepoint.standards.entity.Adoption;
import org.servicepoint.standards.entity.AdoptionRecord;
import org.servicepoint.standards.entity.Catalogue;
import org.servicepoint.standards.entity.CatalogueUpdate;
import org.servicepoint.standards.entity.Language;
import org.servicepoint.standards.entity.StandardKind;
import org.servicepoint.standards.entity.StandardText;
import org.servicepoint.standards.entity.TenantStandards;
import org.servicepoint.tenancy.control.ConfigurationEdited;
import org.servicepoint.tenancy.control.LibraryWork;
import org.servicepoint.tenancy.control.Plan;
import org.servicepoint.tenancy.control.TenantSpec;

/**
 * A library system's service standards: what its staff read (in their language, with the shared original beside a
 * rewording and the links of a response guide named), its adoption planned and applied from {@code standards.yaml}
 * (onboarding, through {@link StandardsFile}) or through the API by a tenant administrator, and what a newer catalogue
 * changed since it last reviewed. A library system that never applied a file sees the whole catalogue. Each method is
 * one transaction bound to the tenant; every change is audited.
 */
@ApplicationScoped
public class ServiceStandards {

    /** The escalation situations a guide may link to (staffing's). */
    static final Map<String, String> SITUATIONS = Arrays.stream(Situation.values())
            .collect(Collectors.toMap(Situation::code, Situation::title, (a, b) -> a, java.util.LinkedHashMap::new));

    @PersistenceContext(unitName = "standards")
    EntityManager em;

    @Inject
    LibraryWork work;

    @Inject
    jakarta.enterprise.event.Event<ConfigurationEdited> edited;

    Clock clock = Clock.systemUTC();

    /** The library system's standards in its order, in {@code language}, optionally of one kind. */
    @Transactional
    public List<StandardView> list(TenantId tenant, Caller caller, String kind, Locale language) {
        StandardKind only = kind == null || kind.isBlank() ? null : StandardKind.ofCode(kind.strip())
                .orElseThrow(() -> Refusal.invalid("kind", Text.of("standards.kind.unknown", kind.strip(),
                        Arrays.stream(StandardKind.values()).map(StandardKind::code).collect(Collectors.joining(", ")))));
        Read read = read(work.actFor(em, tenant, caller));
        return read.standards().standards().stream().filter(s -> only == null || s.kind() == only)
                .map(s -> read.view(s, Language.of(language))).toList();
    }

    @Transactional
    public StandardView one(TenantId tenant, Caller caller, String id, Locale language) {
        Read read = read(work.actFor(em, tenant, caller));
        return read.standards().find(id).map(s -> read.view(s, Language.of(language)))
                .orElseThrow(() -> Refusal.notFound(Text.of("standards.not-found.standard", id)));
    }

    /** The library system's effective standards now, for training and the desk search. */
    @Transactional
    public TenantStandards effective(TenantId tenant, Caller caller) {
        return read(work.actFor(em, tenant, caller)).standards();
    }

    /** What changed in the catalogue since the version the library system last reviewed (tenant administrators). */
    @Transactional
    public TrainingViews.Changes changes(TenantId tenant, Caller caller) {
        AdoptionRecord stored = stored(asAdmin(tenant, caller).db());
        Catalogue current = SharedCatalogue.current();
        if (stored == null) {
            // never adopted by file: it sees the current catalogue as it is, nothing to review
            return new TrainingViews.Changes(current.version(), current.version(), List.of());
        }
        CatalogueUpdate update = CatalogueChanges.between(CatalogueSnapshot.read(stored.reviewedCatalogue()), current,
                AdoptionDocuments.stored(stored.content()));
        return new TrainingViews.Changes(stored.reviewedVersion(), current.version(), update.changes().stream()
                .map(c -> new TrainingViews.Change(c.id(), c.kind().code(), c.what().name().toLowerCase(Locale.ROOT),
                        c.fromVersion(), c.toVersion(), c.changedParts(), c.adopted(),
                        c.rewordedIn().stream().map(Language::code).sorted().toList()))
                .toList());
    }

    /** Marks the current catalogue reviewed: its changes are no longer listed (tenant administrators; audited). */
    @Transactional
    public TrainingViews.Changes review(TenantId tenant, Caller caller) {
        LibraryWork.InLibrary at = asAdmin(tenant, caller);
        AdoptionRecord stored = stored(at.db());
        Catalogue current = SharedCatalogue.current();
        if (stored == null) {
            // the whole catalogue, adopted implicitly: remembered as a file of its own so the review can be kept
            stored = new AdoptionRecord("adopt: all\n", "reviewed without a standards.yaml", now(), caller.auditName(),
                    current.version(), CatalogueSnapshot.of(current));
            at.db().persist(stored);
        }
        int before = stored.reviewedVersion();
        stored.reviewed(current.version(), CatalogueSnapshot.of(current));
        at.db().flush();
        at.audit("standards.review", target(tenant), "catalogue version " + before + " -> " + current.version() + " reviewed");
        return new TrainingViews.Changes(current.version(), current.version(), List.of());
    }

    /** What applying {@code text} (a standards.yaml as JSON) would change, entry by entry (tenant administrators). */
    @Transactional
    public Plan plan(TenantId tenant, Caller caller, String text) {
        return body(asAdmin(tenant, caller), text, false);
    }

    /** Applies {@code text} (a standards.yaml as JSON); applying the same again changes nothing (tenant administrators). */
    @Transactional
    public Plan apply(TenantId tenant, Caller caller, String text) {
        Plan applied = body(asAdmin(tenant, caller), text, true);
        if (applied.changesAnything()) {
            edited.fire(new ConfigurationEdited(tenant, AdoptionDocuments.FILE_NAME, caller));
        }
        return applied;
    }

    /** A body is checked against the library system's positions as stored; problems are named "body:<line>". */
    private Plan body(LibraryWork.InLibrary at, String text, boolean write) {
        Set<String> positions = at.outline().positions().stream().map(TenantSpec.PositionSpec::code).collect(Collectors.toSet());
        return new Plan(write, run(at, "body", text, InputFormat.JSON, positions, write));
    }

    /** A tenant administrator's work; anyone else is refused before the tenant is bound. */
    private LibraryWork.InLibrary asAdmin(TenantId tenant, Caller caller) {
        if (!caller.roles().contains(Roles.TENANT_ADMIN)) {
            throw Refusal.forbidden(Text.of("platform.forbidden.role"));
        }
        return work.actFor(em, tenant, caller);
    }

    /**
     * Reads and checks a standards.yaml (refused with file, line and field, nothing changed), compares what staff would
     * see with what they see now and, when {@code write}, stores it and audits it. The one path for files and the API.
     */
    List<Plan.Change> run(TenantWork.Acting at, String source, String text, InputFormat format, Set<String> positions,
                          boolean write) {
        Catalogue catalogue = SharedCatalogue.current();
        Adoption after = AdoptionDocuments.read(source, text, format, catalogue,
                new AdoptionDocuments.LinkTargets(positions, SITUATIONS.keySet()));
        EntityManager db = at.db();
        AdoptionRecord stored = stored(db);
        boolean same = stored != null && stored.content().equals(text);
        Adoption before = stored == null ? null : AdoptionDocuments.stored(stored.content());
        List<Plan.Change> changes = AdoptionPlan.between(at.tenant().value(), before, after, catalogue, same);
        if (write && !same) {
            if (stored == null) {
                db.persist(new AdoptionRecord(text, source, now(), at.caller().auditName(), catalogue.version(),
                        CatalogueSnapshot.of(catalogue)));
            } else {
                stored.replace(text, source, now(), at.caller().auditName());
            }
            // written now: onboarding may bind the next library system on the same connection
            db.flush();
            at.audit("standards.apply", target(at.tenant()), "from " + source + ": " + changes.size() + " change(s): "
                    + changes.stream().map(c -> c.key() + " " + c.fields().stream().filter(f -> f.field().equals("change"))
                            .map(Plan.FieldChange::after).findFirst().orElse(c.action().name().toLowerCase(Locale.ROOT)))
                    .collect(Collectors.joining(", ")));
        }
        return changes;
    }

    private Read read(LibraryWork.InLibrary at) {
        AdoptionRecord stored = stored(at.db());
        Adoption adoption = stored == null ? Adoption.WHOLE_CATALOGUE : AdoptionDocuments.stored(stored.content());
        Map<String, String> positions = at.outline().positions().stream()
                .collect(Collectors.toMap(TenantSpec.PositionSpec::code, TenantSpec.PositionSpec::name, (a, b) -> a));
        return new Read(EffectiveStandards.of(SharedCatalogue.current(), adoption), adoption, positions);
    }

    /** The effective standards with what is needed to show them: the adoption's links and the position names. */
    record Read(TenantStandards standards, Adoption adoption, Map<String, String> positions) {

        StandardView view(AdoptedStandard entry, Language language) {
            StandardText text = entry.text().shownIn(language);
            boolean reworded = entry.rewordedIn().contains(language);
            Adoption.Link link = adoption.linksOf(entry.id());
            // a position removed from tenant.yaml since the file was applied is left out, not shown by its code
            StandardView.Links links = new StandardView.Links(
                    link.positions().stream().filter(positions::containsKey)
                            .map(code -> new StandardView.Named(code, positions.get(code))).toList(),
                    link.situations().stream().filter(SITUATIONS::containsKey)
                            .map(code -> new StandardView.Named(code, SITUATIONS.get(code))).toList());
            return new StandardView(entry.id(), entry.kind().code(), entry.origin() == AdoptedStandard.Origin.OWN,
                    text.title(), text.summary(), text.points(), text.avoid(), StandardView.Step.of(text.steps()),
                    StandardView.ScenarioText.of(text.scenario()), reworded,
                    reworded ? StandardView.Words.of(entry.shared().in(language)) : null, links);
        }
    }

    static AdoptionRecord stored(EntityManager bound) {
        return bound.createQuery("select a from AdoptionRecord a", AdoptionRecord.class).getResultStream().findFirst()
                .orElse(null);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String target(TenantId tenant) {
        return "tenant/" + tenant + "/standards";
    }
}
