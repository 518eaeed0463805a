package org.servicepoint.staffing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.RequestLanguage;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.RosterStore.Change;
import org.servicepoint.staffing.control.RosterStore.Filter;
import org.servicepoint.staffing.entity.StaffNotice;
import org.servicepoint.tenancy.control.LibraryWork;

/**
 * A library system's name-tag roster: who works there, under which tag name, in which position and branch.
 * Staff read their own branch's entries, headquarters and tenant administrators every branch's; persons in charge
 * keep their own branch's entries, tenant administrators all. Who receives incident reports is changed only by
 * headquarters and tenant administrators, and an address that stops receiving them is told. Every change, import,
 * export and sheet of tags is audited with ids and counts, never with names.
 */
@ApplicationScoped
public class Roster {

    @PersistenceContext(unitName = "staffing")
    EntityManager em;

    @Inject
    LibraryWork work;

    @Inject
    Event<ReportRecipientChanged> recipientChanged;

    Clock clock = Clock.systemUTC();

    @Transactional
    public List<StaffRecord> list(TenantId tenant, Caller caller, String branch, boolean includeEnded) {
        RosterRules.require(RosterRules.reads(caller, tenant));
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        RosterStore store = store(at);
        return store.list(at.db(), new Filter(at.narrow(store.checkedBranch(branch)), includeEnded));
    }

    /**
     * Tag names by roster id across the whole library system, for contexts that store roster ids (an incident report
     * naming a witness from another branch): tag names only, which every name tag shows anyway.
     */
    @Transactional
    public java.util.Map<UUID, String> tagNames(TenantId tenant, Caller caller) {
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        everyone(tenant, caller).forEach((id, m) -> names.put(id, m.tagName()));
        return names;
    }

    /**
     * Every roster entry across the whole library system, ended ones included, by roster id: for contexts that record
     * who did something at any branch (who approved a policy exception, in which position). Any staff member.
     */
    @Transactional
    public java.util.Map<UUID, StaffRecord> everyone(TenantId tenant, Caller caller) {
        RosterRules.require(RosterRules.reads(caller, tenant));
        java.util.Map<UUID, StaffRecord> all = new java.util.LinkedHashMap<>();
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        store(at).list(at.db(), Filter.EVERYONE).forEach(m -> all.put(m.id(), m));
        return all;
    }

    @Transactional
    public StaffRecord read(TenantId tenant, Caller caller, UUID id) {
        RosterRules.require(RosterRules.reads(caller, tenant));
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        return visible(store(at), at, id);
    }

    /** An entry of a branch the caller covers; another branch's is answered as not found, like another tenant's. */
    private static StaffRecord visible(RosterStore store, TenantWork.Acting at, UUID id) {
        StaffRecord member = store.read(at.db(), id);
        if (!at.covers(member.branch())) {
            throw Refusal.notFound(Text.of("staffing.not-found.staff-member", id));
        }
        return member;
    }

    @Transactional
    public StaffRecord add(TenantId tenant, Caller caller, StaffDetails wanted) {
        RosterRules.require(RosterRules.changes(caller, tenant));
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        RosterStore store = store(at);
        RosterRules.checkChange(caller, null, RosterRules.checked(wanted, store.system()), store.system());
        StaffRecord added = store.add(at.db(), wanted);
        at.audit("staff.add", target(tenant, added.id()),
                "position " + added.position() + ", branch " + added.branch());
        return added;
    }

    @Transactional
    public StaffRecord replace(TenantId tenant, Caller caller, UUID id, StaffDetails wanted, long version) {
        RosterRules.require(RosterRules.changes(caller, tenant));
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        RosterStore store = store(at);
        StaffRecord before = visible(store, at, id);
        RosterRules.checkChange(caller, before.details(), RosterRules.checked(wanted, store.system()), store.system());
        Change change = store.replace(at.db(), id, wanted, version);
        if (change.changed()) {
            at.audit("staff.change", target(tenant, id), "changed: " + String.join(", ", change.fields()));
            tellPreviousAddress(at, store, before, change.member());
        }
        return change.member();
    }

    @Transactional
    public StaffRecord end(TenantId tenant, Caller caller, UUID id, LocalDate lastDay) {
        RosterRules.require(RosterRules.changes(caller, tenant));
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        RosterStore store = store(at);
        StaffRecord before = visible(store, at, id);
        if (lastDay != null) {
            StaffDetails d = before.details();
            RosterRules.checkChange(caller, d, new StaffDetails(d.tagName(), d.username(), d.position(), d.branch(),
                    d.employmentType(), d.startsOn(), lastDay, d.email()), store.system());
        }
        Change change = store.end(at.db(), id, lastDay);
        if (change.changed()) {
            at.audit("staff.end", target(tenant, id), "ends on " + lastDay);
        }
        return change.member();
    }

    /** All rows or none: the file is checked whole before the first write, and the writes share one transaction. */
    @Transactional
    public ImportSummary importCsv(TenantId tenant, Caller caller, String csv) {
        RosterRules.require(RosterRules.changes(caller, tenant));
        List<RosterCsv.Line> lines = RosterCsv.read(csv);
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        RosterStore store = store(at);
        EntityManager bound = at.db();
        RosterImport.Plan plan = store.plan(bound, lines);
        // Every row is held to the same rules as a form, before anything is written: all or nothing.
        for (StaffDetails addition : plan.additions()) {
            RosterRules.checkChange(caller, null, addition, store.system());
        }
        List<StaffRecord> changed = new java.util.ArrayList<>();
        for (var entry : plan.changes().entrySet()) {
            StaffRecord before = visible(store, at, entry.getKey());
            RosterRules.checkChange(caller, before.details(), entry.getValue(), store.system());
            changed.add(before);
        }
        ImportSummary summary = store.importPlan(bound, plan);
        for (StaffRecord before : changed) {
            tellPreviousAddress(at, store, before, store.read(bound, before.id()));
        }
        at.audit("staff.import", "tenant/" + tenant + "/staff", lines.size() + " row(s): " + summary);
        return summary;
    }

    /**
     * What importing the file would do, row by row, by the same rules as {@link #importCsv} (including the caller's
     * branch and who may change report recipients); nothing is written. Not audited: nothing changes and nothing
     * leaves that the caller did not send or could not read anyway.
     */
    @Transactional
    public ImportPreview previewCsv(TenantId tenant, Caller caller, String csv) {
        RosterRules.require(RosterRules.changes(caller, tenant));
        List<RosterCsv.Line> lines = RosterCsv.read(csv);
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        RosterStore store = store(at);
        List<ImportRow> rows = new java.util.ArrayList<>();
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        for (RosterImport.RowOutcome row : store.preview(at.db(), lines)) {
            List<String> fields = List.of();
            List<Refusal.Violation> problems = row.problems();
            ImportRow.Result result = row.result();
            try {
                if (result == ImportRow.Result.ADD) {
                    RosterRules.checkChange(caller, null, row.details(), store.system());
                } else if (result == ImportRow.Result.CHANGE) {
                    StaffRecord before = visible(store, at, row.entryId());
                    RosterRules.checkChange(caller, before.details(), row.details(), store.system());
                    fields = RosterStore.changedFields(before.details(), row.details());
                }
            } catch (Refusal refused) {
                result = ImportRow.Result.REFUSED;
                // The refusal's words are already in the request's language; they become this row's only problem.
                problems = List.of(new Refusal.Violation("row " + row.row(),
                        Text.of("staffing.csv.preview-refused", refused.detail(RequestLanguage.current()))));
            }
            switch (result) {
                case ADD -> added++;
                case CHANGE -> changed++;
                case UNCHANGED -> unchanged++;
                default -> { }
            }
            StaffDetails details = row.details();
            List<Refusal.Violation> said = problems.stream().map(v -> v.in(RequestLanguage.current())).toList();
            rows.add(new ImportRow(row.row(), result, details == null ? null : details.tagName(),
                    details == null ? null : details.username(), details == null ? null : details.branch(), fields, said));
        }
        boolean acceptable = rows.stream().noneMatch(r -> r.result() == ImportRow.Result.REFUSED);
        return new ImportPreview(acceptable, new ImportSummary(added, changed, unchanged), rows);
    }

    /** The roster as CSV, in the list's order. Audited: it takes personal data out of the application. */
    @Transactional
    public String exportCsv(TenantId tenant, Caller caller, String branch, boolean includeEnded) {
        RosterRules.require(RosterRules.changes(caller, tenant));
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        RosterStore store = store(at);
        branch = at.narrow(store.checkedBranch(branch));
        List<StaffRecord> members = store.list(at.db(), new Filter(branch, includeEnded));
        at.audit("staff.export", "tenant/" + tenant + "/staff", members.size() + " member(s)"
                + (branch == null ? "" : ", branch " + store.checkedBranch(branch)) + (includeEnded ? ", ended included" : ""));
        return RosterCsv.write(members);
    }

    /** A printable sheet of name tags for everyone on the roster today (or not yet started), by branch then name. */
    @Transactional
    public byte[] nameTags(TenantId tenant, Caller caller, String branch, NameTagSheet.Paper paper) {
        RosterRules.require(RosterRules.changes(caller, tenant));
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        RosterStore store = store(at);
        branch = at.narrow(store.checkedBranch(branch));
        LibrarySystem system = store.system();
        List<NameTagSheet.NameTag> tags = store.list(at.db(), new Filter(branch, false)).stream()
                .sorted(Comparator.comparing(StaffRecord::branch)) // stable: names stay in order within a branch
                .map(m -> new NameTagSheet.NameTag(m.tagName(), m.positionName()))
                .toList();
        NameTagSheet.Paper chosen = paper == null ? NameTagSheet.Paper.forLocale(system.locale()) : paper;
        byte[] pdf = NameTagSheet.render(system.name(), tags, chosen, system.locale());
        at.audit("staff.name-tags", "tenant/" + tenant + "/staff",
                tags.size() + " tag(s) on " + chosen.name() + (branch == null ? "" : ", branch " + store.checkedBranch(branch)));
        return pdf;
    }

    /**
     * An address that was mailed incident reports and no longer is gets told: the person in the app, and observers of
     * {@link ReportRecipientChanged} (the mail) at that address. The audit line names ids, never the address.
     */
    private void tellPreviousAddress(TenantWork.Acting at, RosterStore store, StaffRecord before, StaffRecord after) {
        TenantId tenant = at.tenant();
        Caller caller = at.caller();
        RosterRules.previousAddressToTell(before.details(), after.details(), store.system()).ifPresent(previous -> {
            if (before.username() != null) {
                at.db().persist(new StaffNotice(before.id(), before.username(), "Incident reports are no longer mailed to "
                        + previous + " for you: your roster entry was changed by " + caller.name() + ". Tell headquarters "
                        + "at once if you did not expect this.", null));
            }
            recipientChanged.fire(new ReportRecipientChanged(tenant, before.id(), before.tagName(), previous, caller.name()));
            at.audit("staff.recipient-changed", target(tenant, before.id()), "previous address told");
        });
    }

    private RosterStore store(LibraryWork.InLibrary at) {
        // Positions and branches are read in this transaction: a code removed a moment ago is refused. The outline:
        // the whole document (hours, desks, closures) cost three queries per branch, also when a report is signed.
        return new RosterStore(LibrarySystem.of(at.outline()), clock);
    }

    private static String target(TenantId tenant, UUID id) {
        return "tenant/" + tenant + "/staff/" + id;
    }
}
