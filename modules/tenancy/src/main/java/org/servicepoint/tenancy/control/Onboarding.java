package org.servicepoint.tenancy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.servicepoint.platform.control.AuditLog;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.Plan.Action;
import org.servicepoint.tenancy.control.Plan.Change;
import org.servicepoint.tenancy.control.Plan.FieldChange;
import org.servicepoint.tenancy.entity.Branch;
import org.servicepoint.tenancy.entity.Position;
import org.servicepoint.tenancy.entity.Tenant;

/**
 * Onboarding as code. {@code plan} compares tenant documents with the database; {@code apply} makes the
 * database say what they say, all tenants in one transaction, and changes nothing that already matches
 * (so a second apply is a no-op). Branches missing from a document are reported and kept: a file never
 * deletes a branch with its history.
 */
@ApplicationScoped
public class Onboarding {

    @PersistenceContext(unitName = "tenancy")
    EntityManager em;

    @Inject
    TenantDirectory directory;

    @Inject
    AuditLog audit;

    @Inject
    Event<TenantsApplied> applied;

    @Inject
    Instance<TenantFileKind> kinds;

    @Transactional
    public Plan plan(List<TenantSpec> specs) {
        return run(specs, null);
    }

    @Transactional
    public Plan apply(List<TenantSpec> specs, Caller caller) {
        return run(specs, caller);
    }

    /** What applying these files would change: {@code tenant.yaml}s and the files of every {@link TenantFileKind}. */
    @Transactional
    public Plan planFiles(List<TenantDocuments.Source> sources) {
        return runFiles(sources, null);
    }

    /**
     * Applies {@code tenant.yaml}s and the files beside them in one transaction: if any file has a problem, every
     * problem of every file is refused and nothing changes.
     */
    @Transactional
    public Plan applyFiles(List<TenantDocuments.Source> sources, Caller caller) {
        return runFiles(sources, caller);
    }

    /** Every file onboarding knows in each {@code <dir>/<slug>/}: the tenant files first, then the others by name. */
    public List<TenantDocuments.Source> folder(Path dir) {
        List<TenantDocuments.Source> sources = new ArrayList<>(TenantDocuments.folder(dir));
        sources.addAll(TenantDocuments.beside(dir, List.copyOf(kindsByName().keySet())));
        return sources;
    }

    private Plan runFiles(List<TenantDocuments.Source> sources, Caller applyingAs) {
        Map<String, TenantFileKind> byName = kindsByName();
        List<TenantDocuments.Source> tenantFiles = new ArrayList<>();
        List<TenantDocuments.Source> otherFiles = new ArrayList<>();
        for (TenantDocuments.Source source : sources) {
            (byName.containsKey(fileName(source)) ? otherFiles : tenantFiles).add(source);
        }
        List<Violation> problems = new ArrayList<>();
        List<TenantSpec> specs = List.of();
        if (!tenantFiles.isEmpty() || otherFiles.isEmpty()) {
            try {
                specs = TenantDocuments.readAll(tenantFiles);
            } catch (Refusal refusal) {
                problems.addAll(refusal.violations());
            }
        }
        Map<String, TenantSpec> declared = specs.stream().collect(Collectors.toMap(TenantSpec::slug, Function.identity()));
        // Every other file is checked and planned before anything is written, so all problems are told at once.
        List<TenantFileRun> runs = new ArrayList<>();
        Map<TenantFileRun, List<Change>> otherChanges = new LinkedHashMap<>();
        for (TenantDocuments.Source source : otherFiles) {
            String slug = slugOf(source);
            if (slug == null) {
                problems.add(new Violation(source.path(), Text.of("tenancy.files.outside-folder", fileName(source))));
                continue;
            }
            TenantId tenant = TenantId.of(slug);
            Set<String> positions = positionsOf(tenant, declared.get(slug));
            if (positions == null) {
                problems.add(new Violation(source.path(), Text.of("tenancy.files.no-library-system", slug)));
                continue;
            }
            TenantFileRun planned = new TenantFileRun(tenant, source, positions, null);
            try {
                otherChanges.put(planned, byName.get(fileName(source)).run(planned));
                runs.add(planned);
            } catch (Refusal refusal) {
                problems.addAll(refusal.violations().isEmpty()
                        ? List.of(new Violation(source.path(), refusal.getMessage())) : refusal.violations());
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(Text.of("tenancy.files.invalid", problems.size()), problems);
        }
        // What the app edited since each file was last applied, read before anything is written.
        Map<String, String> drift = new java.util.HashMap<>();
        specs.forEach(spec -> driftOf(TenantId.of(spec.slug()), TenantDocuments.FILE_NAME).ifPresent(d -> drift.put(spec.slug(), d)));
        runs.forEach(planned -> driftOf(planned.tenant(), fileName(planned.source())).ifPresent(d -> drift.put(planned.source().path(), d)));
        Plan tenantPlan = specs.isEmpty() ? new Plan(applyingAs != null, List.of()) : run(specs, applyingAs);
        List<Change> changes = new ArrayList<>();
        for (Change change : tenantPlan.changes()) {
            String slug = change.key().contains("/") ? change.key().substring(0, change.key().indexOf('/')) : change.key();
            changes.add(drift.containsKey(slug) ? change.drifted(drift.get(slug)) : change);
        }
        for (TenantFileRun planned : runs) {
            List<Change> fileChanges = applyingAs == null ? otherChanges.get(planned) : byName.get(fileName(planned.source()))
                    .run(new TenantFileRun(planned.tenant(), planned.source(), planned.positions(), applyingAs));
            String told = drift.get(planned.source().path());
            fileChanges.forEach(change -> changes.add(told == null ? change : change.drifted(told)));
        }
        if (applyingAs != null) {
            // The files and the database agree again: their contents are recorded and the edit markers cleared.
            java.time.Instant now = java.time.Instant.now();
            for (int i = 0; i < specs.size(); i++) {
                TenantFiles.applied(directory.bound(TenantId.of(specs.get(i).slug())), TenantDocuments.FILE_NAME,
                        tenantFiles.get(i).content(), now, applyingAs.name());
            }
            for (TenantFileRun planned : runs) {
                TenantFiles.applied(directory.bound(planned.tenant()), fileName(planned.source()), planned.source().content(),
                        now, applyingAs.name());
            }
        }
        return new Plan(applyingAs != null, changes);
    }

    private java.util.Optional<String> driftOf(TenantId tenant, String fileName) {
        return TenantFiles.drift(TenantFiles.find(directory.bound(tenant), fileName));
    }

    private Map<String, TenantFileKind> kindsByName() {
        Map<String, TenantFileKind> byName = new TreeMap<>();
        kinds.forEach(kind -> byName.put(kind.fileName(), kind));
        return byName;
    }

    /** The position codes of a library system: as declared in this run, else as stored; null if it does not exist. */
    private Set<String> positionsOf(TenantId tenant, TenantSpec declared) {
        if (declared != null) {
            return declared.positions().stream().map(TenantSpec.PositionSpec::code).collect(Collectors.toUnmodifiableSet());
        }
        EntityManager tenantEm = directory.bound(tenant);
        if (tenantEm.find(Tenant.class, tenant.value()) == null) {
            return null;
        }
        return directory.positionsOf(tenantEm).stream().map(Position::code)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String fileName(TenantDocuments.Source source) {
        Path name = Path.of(source.path()).getFileName();
        return name == null ? "" : name.toString();
    }

    private static String slugOf(TenantDocuments.Source source) {
        Path parent = Path.of(source.path()).getParent();
        String slug = parent == null || parent.getFileName() == null ? null : parent.getFileName().toString();
        return slug != null && TenantId.isValidSlug(slug) ? slug : null;
    }

    /** A new library system from one document; refused if the slug is taken. */
    @Transactional
    public Plan create(TenantSpec spec, Caller caller) {
        if (em.find(Tenant.class, spec.slug()) != null) {
            throw org.servicepoint.platform.control.Refusal.conflict(Text.of("tenancy.library-system.exists", spec.slug()));
        }
        return run(List.of(spec), caller);
    }

    private Plan run(List<TenantSpec> specs, Caller applyingAs) {
        boolean write = applyingAs != null;
        List<Change> changes = new ArrayList<>();
        for (TenantSpec spec : specs) {
            TenantId id = TenantId.of(spec.slug());
            EntityManager tenantEm = directory.bound(id);
            Tenant tenant = tenantEm.find(Tenant.class, spec.slug());
            List<Position> positions = tenant == null ? List.of() : directory.positionsOf(tenantEm);
            List<FieldChange> tenantFields = Flat.diff(
                    tenant == null ? Map.of() : Flat.tenant(Specs.of(tenant, List.of(), positions)), Flat.tenant(spec));
            Action tenantAction = tenant == null ? Action.CREATE : tenantFields.isEmpty() ? Action.UNCHANGED : Action.UPDATE;
            changes.add(new Change("tenant", spec.slug(), tenantAction, tenantFields));
            if (write && tenantAction == Action.CREATE) {
                tenantEm.persist(Specs.newTenant(spec));
                // Branch rows reference the tenant row; make it exist before them.
                tenantEm.flush();
            } else if (write && tenantAction == Action.UPDATE) {
                Specs.createOrChange(tenant, spec);
            }
            if (write && tenantAction != Action.UNCHANGED) {
                Specs.writePositions(tenantEm, positions, spec);
            }
            if (write && tenantAction != Action.UNCHANGED) {
                audit.success(id, applyingAs, "tenant." + tenantAction.name().toLowerCase(Locale.ROOT), "tenant/" + spec.slug(),
                        summary(tenantFields));
            }

            Map<String, Branch> existing = new LinkedHashMap<>();
            directory.branchesOf(tenantEm).forEach(b -> existing.put(b.code(), b));
            for (BranchSpec wanted : spec.branches()) {
                Branch branch = existing.remove(wanted.code());
                List<FieldChange> fields = Flat.diff(branch == null ? Map.of() : Flat.branch(Specs.of(branch)), Flat.branch(wanted));
                Action action = branch == null ? Action.CREATE : fields.isEmpty() ? Action.UNCHANGED : Action.UPDATE;
                changes.add(new Change("branch", spec.slug() + "/" + wanted.code(), action, fields));
                if (write && action != Action.UNCHANGED) {
                    if (branch == null) {
                        branch = new Branch(wanted.code());
                        Specs.write(branch, wanted);
                        tenantEm.persist(branch);
                    } else {
                        Specs.write(branch, wanted);
                    }
                    audit.success(id, applyingAs, "branch." + action.name().toLowerCase(Locale.ROOT),
                            "tenant/" + spec.slug() + "/branch/" + wanted.code(), summary(fields));
                }
            }
            existing.keySet().forEach(code -> changes.add(new Change("branch", spec.slug() + "/" + code, Action.NOT_IN_FILE, List.of())));
            if (write) {
                tenantEm.flush();
            }
        }
        if (write && !specs.isEmpty()) {
            applied.fire(new TenantsApplied(List.copyOf(specs)));
        }
        return new Plan(write, changes);
    }

    static String summary(List<FieldChange> fields) {
        return fields.isEmpty() ? "no field changed"
                : "fields: " + fields.stream().map(FieldChange::field).collect(Collectors.joining(", "));
    }
}
