package org.servicepoint.tenancy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.servicepoint.platform.control.AuditLog;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.TenantDatabase;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.Plan.FieldChange;
import org.servicepoint.tenancy.entity.Branch;
import org.servicepoint.tenancy.entity.Position;
import org.servicepoint.tenancy.entity.Tenant;

/** Reading library systems and their branches, and changing one branch at a time. */
@ApplicationScoped
public class TenantDirectory {

    @PersistenceContext(unitName = "tenancy")
    EntityManager em;

    @Inject
    TenantDatabase tenantDatabase;

    @Inject
    AuditLog audit;

    /** The entity manager, bound to one tenant for the rest of the current transaction. */
    EntityManager bound(TenantId tenant) {
        return tenantDatabase.bind(em, tenant);
    }

    List<Position> positionsOf(EntityManager boundEm) {
        return boundEm.createQuery("select p from Position p order by p.rank", Position.class).getResultList();
    }

    List<Branch> branchesOf(EntityManager boundEm) {
        return boundEm.createQuery("select b from Branch b order by b.code", Branch.class).getResultList();
    }

    @Transactional
    public List<Tenant> tenants() {
        // The registry is platform data, not tenant-owned: no tenant binding needed to list it.
        return em.createQuery("select t from Tenant t order by t.slug", Tenant.class).getResultList();
    }

    @Transactional
    public Tenant tenant(TenantId id) {
        return Optional.ofNullable(em.find(Tenant.class, id.value()))
                .orElseThrow(() -> Refusal.notFound(Text.of("platform.not-found.library-system", id)));
    }

    // Documents are made inside the transaction: a lazy collection read after it would meet row-level
    // security with no tenant set and come back empty.

    @Transactional
    public TenantSpec document(TenantId id) {
        Tenant tenant = tenant(id);
        EntityManager tenantEm = bound(id);
        return Specs.of(tenant, branchesOf(tenantEm), positionsOf(tenantEm));
    }

    /**
     * Name, zone, language, branch names and positions, without hours, desks and closures. The full document costs
     * three more queries per branch and an entity per row, all registered with the transaction; this is one
     * scalar query per table, read in the caller's transaction like the document (a branch removed a moment ago is
     * gone here too).
     */
    @Transactional
    public TenantOutline outline(TenantId id) {
        Tenant tenant = tenant(id);
        EntityManager tenantEm = bound(id);
        List<TenantOutline.BranchName> branches = tenantEm
                .createQuery("select b.code, b.name, b.headquarters from Branch b order by b.code", Object[].class)
                .getResultList().stream()
                .map(r -> new TenantOutline.BranchName((String) r[0], (String) r[1], (Boolean) r[2]))
                .toList();
        List<TenantSpec.PositionSpec> positions = tenantEm
                .createQuery("select p.code, p.name, p.permissions from Position p order by p.rank", Object[].class)
                .getResultList().stream()
                .map(r -> new TenantSpec.PositionSpec((String) r[0], (String) r[1], Position.permissionsOf((String) r[2])))
                .toList();
        return new TenantOutline(tenant.slug(), tenant.name(), tenant.timeZone().getId(), tenant.locale().toLanguageTag(),
                tenant.status().name().toLowerCase(java.util.Locale.ROOT), branches, positions, tenant.fallbackLanguage());
    }

    @Transactional
    public List<BranchSpec> branches(TenantId id) {
        tenant(id);
        return branchesOf(bound(id)).stream().map(Specs::of).toList();
    }

    @Transactional
    public BranchSpec branch(TenantId id, String code) {
        tenant(id);
        return Specs.of(find(bound(id), code).orElseThrow(() -> Refusal.notFound(Text.of("tenancy.branch.not-found", code, id))));
    }

    @Transactional
    public BranchSpec createBranch(TenantId id, BranchSpec spec, Caller caller) {
        tenant(id);
        EntityManager tenantEm = bound(id);
        if (find(tenantEm, spec.code()).isPresent()) {
            throw Refusal.conflict(Text.of("tenancy.branch.exists", spec.code()));
        }
        checkHeadquarters(tenantEm, spec);
        Branch branch = new Branch(spec.code());
        Specs.write(branch, spec);
        tenantEm.persist(branch);
        audit.success(id, caller, "branch.create", "tenant/" + id + "/branch/" + spec.code(), null);
        return Specs.of(branch);
    }

    /** Replaces a branch's description; sending the same document again changes nothing. */
    @Transactional
    public BranchSpec replaceBranch(TenantId id, String code, BranchSpec spec, Caller caller) {
        if (!code.equals(spec.code())) {
            throw Refusal.invalid("code", Text.of("tenancy.branch.code-fixed", spec.code(), code));
        }
        tenant(id);
        EntityManager tenantEm = bound(id);
        Branch branch = find(tenantEm, code).orElseThrow(() -> Refusal.notFound(Text.of("tenancy.branch.not-found", code, id)));
        List<FieldChange> fields = Flat.diff(Flat.branch(Specs.of(branch)), Flat.branch(spec));
        if (!fields.isEmpty()) {
            checkHeadquarters(tenantEm, spec);
            Specs.write(branch, spec);
            tenantEm.flush();
            audit.success(id, caller, "branch.update", "tenant/" + id + "/branch/" + code, Onboarding.summary(fields));
        }
        return Specs.of(branch);
    }

    private void checkHeadquarters(EntityManager tenantEm, BranchSpec spec) {
        if (!spec.isHeadquarters()) {
            return;
        }
        branchesOf(tenantEm).stream()
                .filter(b -> b.headquarters() && !b.code().equals(spec.code()))
                .findFirst()
                .ifPresent(other -> {
                    throw Refusal.conflict(Text.of("tenancy.branch.headquarters-taken", other.code()));
                });
    }

    private Optional<Branch> find(EntityManager tenantEm, String code) {
        return tenantEm.createQuery("select b from Branch b where b.code = :code", Branch.class)
                .setParameter("code", code)
                .getResultStream().findFirst();
    }

    /** The library systems whose staff may sign in now. */
    @Transactional
    public java.util.Set<String> activeSlugs() {
        return java.util.Set.copyOf(em.createQuery("select t.slug from Tenant t where t.status = 'ACTIVE'", String.class)
                .getResultList());
    }

    /** The library systems the operator has suspended: their staff are told so rather than signed out. */
    @Transactional
    public java.util.Set<String> suspendedSlugs() {
        return java.util.Set.copyOf(em.createQuery("select t.slug from Tenant t where t.status = 'SUSPENDED'", String.class)
                .getResultList());
    }

    /**
     * Suspends or resumes a library system (the operator's console). Idempotent: asking for the status it already has
     * changes and audits nothing. Nothing else is touched: its data, realm and users stay as they are.
     */
    @Transactional
    public Tenant changeStatus(TenantId id, Tenant.Status status, Caller caller) {
        Tenant tenant = tenant(id);
        if (tenant.status() != status) {
            Tenant.Status before = tenant.status();
            tenant.changeStatus(status);
            em.flush();
            audit.success(id, caller, status == Tenant.Status.SUSPENDED ? "tenant.suspend" : "tenant.resume", "tenant/" + id,
                    "status: " + before.name().toLowerCase(java.util.Locale.ROOT) + " -> "
                            + status.name().toLowerCase(java.util.Locale.ROOT));
        }
        return tenant;
    }

    /** Names a staff member's screen shows: their library system, position and branch; its language and its fallback. */
    public record Workplace(String tenantSlug, String tenantName, String positionName, String branchName, int idleLockMinutes,
                            String locale, String timeZone, String fallbackLanguage) {
    }

    @Transactional
    public Workplace workplace(TenantId id, String positionCode, String branchCode) {
        Tenant tenant = tenant(id);
        EntityManager tenantEm = bound(id);
        String position = positionsOf(tenantEm).stream().filter(p -> p.code().equals(positionCode))
                .map(Position::name).findFirst().orElse(null);
        String branch = branchCode == null ? null : find(tenantEm, branchCode).map(Branch::name).orElse(null);
        return new Workplace(tenant.slug(), tenant.name(), position, branch, tenant.idleLockMinutes(),
                tenant.locale().toLanguageTag(), tenant.timeZone().getId(), tenant.fallbackLanguage());
    }

    /** Counts of branches per tenant, for the operator's list. */
    @Transactional
    public Map<String, Long> branchCounts(List<Tenant> tenants) {
        var counts = new java.util.LinkedHashMap<String, Long>();
        for (Tenant t : tenants) {
            counts.put(t.slug(), (Long) bound(t.id())
                    .createQuery("select count(b) from Branch b").getSingleResult());
        }
        return counts;
    }
}
