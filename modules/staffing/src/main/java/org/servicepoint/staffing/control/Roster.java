package org.servicepoint.staffing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.servicepoint.platform.control.AuditLog;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.TenantDatabase;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.RosterStore.Change;
import org.servicepoint.staffing.control.RosterStore.Filter;
import org.servicepoint.tenancy.control.TenantDirectory;

/**
 * A library system's name-tag roster: who works there, under which tag name, in which position and branch.
 * Any staff member reads it; tenant administrators and persons in charge keep it. Every change, import,
 * export and sheet of tags is audited with ids and counts, never with names.
 */
@ApplicationScoped
public class Roster {

    @PersistenceContext(unitName = "staffing")
    EntityManager em;

    @Inject
    TenantDatabase tenantDatabase;

    @Inject
    TenantDirectory directory;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    @Transactional
    public List<StaffRecord> list(TenantId tenant, Caller caller, String branch, boolean includeEnded) {
        RosterRules.require(RosterRules.reads(caller, tenant));
        RosterStore store = store(tenant);
        return store.list(bound(tenant), new Filter(branch, includeEnded));
    }

    @Transactional
    public StaffRecord read(TenantId tenant, Caller caller, UUID id) {
        RosterRules.require(RosterRules.reads(caller, tenant));
        RosterStore store = store(tenant);
        return store.read(bound(tenant), id);
    }

    @Transactional
    public StaffRecord add(TenantId tenant, Caller caller, StaffDetails wanted) {
        RosterRules.require(RosterRules.changes(caller, tenant));
        RosterStore store = store(tenant);
        StaffRecord added = store.add(bound(tenant), wanted);
        audit.success(tenant, caller, "staff.add", target(tenant, added.id()),
                "position " + added.position() + ", branch " + added.branch());
        return added;
    }

    @Transactional
    public StaffRecord replace(TenantId tenant, Caller caller, UUID id, StaffDetails wanted, long version) {
        RosterRules.require(RosterRules.changes(caller, tenant));
        RosterStore store = store(tenant);
        Change change = store.replace(bound(tenant), id, wanted, version);
        if (change.changed()) {
            audit.success(tenant, caller, "staff.change", target(tenant, id), "changed: " + String.join(", ", change.fields()));
        }
        return change.member();
    }

    @Transactional
    public StaffRecord end(TenantId tenant, Caller caller, UUID id, LocalDate lastDay) {
        RosterRules.require(RosterRules.changes(caller, tenant));
        RosterStore store = store(tenant);
        Change change = store.end(bound(tenant), id, lastDay);
        if (change.changed()) {
            audit.success(tenant, caller, "staff.end", target(tenant, id), "ends on " + lastDay);
        }
        return change.member();
    }

    /** All rows or none: the file is checked whole before the first write, and the writes share one transaction. */
    @Transactional
    public ImportSummary importCsv(TenantId tenant, Caller caller, String csv) {
        RosterRules.require(RosterRules.changes(caller, tenant));
        List<RosterCsv.Line> lines = RosterCsv.read(csv);
        RosterStore store = store(tenant);
        ImportSummary summary = store.importRows(bound(tenant), lines);
        audit.success(tenant, caller, "staff.import", "tenant/" + tenant + "/staff", lines.size() + " row(s): " + summary);
        return summary;
    }

    /** The roster as CSV, in the list's order. Audited: it takes personal data out of the application. */
    @Transactional
    public String exportCsv(TenantId tenant, Caller caller, String branch, boolean includeEnded) {
        RosterRules.require(RosterRules.changes(caller, tenant));
        RosterStore store = store(tenant);
        List<StaffRecord> members = store.list(bound(tenant), new Filter(branch, includeEnded));
        audit.success(tenant, caller, "staff.export", "tenant/" + tenant + "/staff", members.size() + " member(s)"
                + (branch == null ? "" : ", branch " + store.checkedBranch(branch)) + (includeEnded ? ", ended included" : ""));
        return RosterCsv.write(members);
    }

    /** A printable sheet of name tags for everyone on the roster today (or not yet started), by branch then name. */
    @Transactional
    public byte[] nameTags(TenantId tenant, Caller caller, String branch, NameTagSheet.Paper paper) {
        RosterRules.require(RosterRules.changes(caller, tenant));
        RosterStore store = store(tenant);
        LibrarySystem system = store.system();
        List<NameTagSheet.NameTag> tags = store.list(bound(tenant), new Filter(branch, false)).stream()
                .sorted(Comparator.comparing(StaffRecord::branch)) // stable: names stay in order within a branch
                .map(m -> new NameTagSheet.NameTag(m.tagName(), m.positionName()))
                .toList();
        NameTagSheet.Paper chosen = paper == null ? NameTagSheet.Paper.forLocale(system.locale()) : paper;
        byte[] pdf = NameTagSheet.render(system.name(), tags, chosen, system.locale());
        audit.success(tenant, caller, "staff.name-tags", "tenant/" + tenant + "/staff",
                tags.size() + " tag(s) on " + chosen.name() + (branch == null ? "" : ", branch " + store.checkedBranch(branch)));
        return pdf;
    }

    private RosterStore store(TenantId tenant) {
        // Positions and branches are read in this transaction: a code removed a moment ago is refused. The outline:
        // the whole document (hours, desks, closures) cost three queries per branch, also when a report is signed.
        return new RosterStore(LibrarySystem.of(directory.outline(tenant)), clock);
    }

    private EntityManager bound(TenantId tenant) {
        return tenantDatabase.bind(em, tenant);
    }

    private static String target(TenantId tenant, UUID id) {
        return "tenant/" + tenant + "/staff/" + id;
    }
}
