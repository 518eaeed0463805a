package org.servicepoint.tenancy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.servicepoint.platform.control.AuditLog;
import org.servicepoint.platform.control.Caller;
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

    @Transactional
    public Plan plan(List<TenantSpec> specs) {
        return run(specs, null);
    }

    @Transactional
    public Plan apply(List<TenantSpec> specs, Caller caller) {
        return run(specs, caller);
    }

    /** A new library system from one document; refused if the slug is taken. */
    @Transactional
    public Plan create(TenantSpec spec, Caller caller) {
        if (em.find(Tenant.class, spec.slug()) != null) {
            throw org.servicepoint.platform.control.Refusal.conflict("library system " + spec.slug()
                    + " already exists; use PUT to change it");
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
        if (write) {
            applied.fire(new TenantsApplied(List.copyOf(specs)));
        }
        return new Plan(write, changes);
    }

    static String summary(List<FieldChange> fields) {
        return fields.isEmpty() ? "no field changed"
                : "fields: " + fields.stream().map(FieldChange::field).collect(Collectors.joining(", "));
    }
}
