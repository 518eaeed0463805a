package org.servicepoint.staffing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
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
import org.servicepoint.platform.control.StaffAccounts;
import org.servicepoint.platform.control.RequestLanguage;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.RosterStore.Change;
import org.servicepoint.staffing.control.RosterStore.Filter;
import org.servicepoint.staffing.entity.StaffMember;
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

    @Inject
    Instance<StaffAccounts> accounts;

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
        return add(tenant, caller, wanted, false);
    }

    /**
     * Adds an entry; one that may sign in gets an account in the library system's realm (an unclaimed one of the same
     * username, or without a username the same e-mail address, is linked), invited by mail once this commits.
     */
    @Transactional
    public StaffRecord add(TenantId tenant, Caller caller, StaffDetails wanted, boolean maySignIn) {
        RosterRules.require(RosterRules.changes(caller, tenant));
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        RosterStore store = store(at);
        RosterRules.checkChange(caller, null, RosterRules.checked(wanted, store.system()), store.system());
        if (maySignIn) {
            wanted = signInReady(store.system(), wanted);
        }
        StaffRecord added = store.add(at.db(), wanted);
        if (maySignIn) {
            added = keepAccount(at, store, null, store.allowSignIn(at.db(), added.id(), true));
        }
        at.audit("staff.add", target(tenant, added.id()),
                "position " + added.position() + ", branch " + added.branch() + (maySignIn ? ", may sign in" : ""));
        return added;
    }

    @Transactional
    public StaffRecord replace(TenantId tenant, Caller caller, UUID id, StaffDetails wanted, long version) {
        return replace(tenant, caller, id, wanted, version, null);
    }

    /** Replaces an entry; {@code maySignIn} null keeps whether the person signs in. Their account follows the entry. */
    @Transactional
    public StaffRecord replace(TenantId tenant, Caller caller, UUID id, StaffDetails wanted, long version, Boolean maySignIn) {
        RosterRules.require(RosterRules.changes(caller, tenant));
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        RosterStore store = store(at);
        StaffRecord before = visible(store, at, id);
        RosterRules.checkChange(caller, before.details(), RosterRules.checked(wanted, store.system()), store.system());
        boolean signIn = maySignIn == null ? before.maySignIn() : maySignIn;
        if (signIn != before.maySignIn() && before.version() != version) {
            throw Refusal.conflict(Text.of("staffing.staff-member.version", id, before.version(), version));
        }
        if (signIn) {
            wanted = signInReady(store.system(), wanted);
        }
        Change change = store.replace(at.db(), id, wanted, version);
        List<String> fields = new java.util.ArrayList<>(change.fields());
        StaffRecord after = change.member();
        if (signIn != before.maySignIn()) {
            after = store.allowSignIn(at.db(), id, signIn);
            fields.add("maySignIn");
        }
        if (!fields.isEmpty()) {
            at.audit("staff.change", target(tenant, id), "changed: " + String.join(", ", fields));
            tellPreviousAddress(at, store, before, after);
            after = keepAccount(at, store, before, after);
        }
        return after;
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
            return keepAccount(at, store, before, change.member());
        }
        return change.member();
    }

    /** The signed-in person's own entry (by their username); 404 when they are on no roster. */
    @Transactional
    public StaffRecord own(TenantId tenant, Caller caller) {
        RosterRules.require(RosterRules.reads(caller, tenant));
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        return store(at).own(at.db(), caller.name());
    }

    /**
     * The signed-in person chooses the name on their own tag: held to the roster's rules, audited, and their account's
     * tag name follows (the next token carries it). Nobody changes another person's this way.
     */
    @Transactional
    public StaffRecord renameOwnTag(TenantId tenant, Caller caller, String tagName) {
        RosterRules.require(RosterRules.reads(caller, tenant));
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        RosterStore store = store(at);
        StaffRecord before = store.own(at.db(), caller.name());
        String wanted = RosterRules.normaliseTagName(tagName);
        RosterRules.tagNameProblem(wanted).ifPresent(problem -> {
            throw Refusal.invalid("tagName", problem);
        });
        Change change = store.renameTag(at.db(), before.id(), wanted);
        if (change.changed()) {
            at.audit("staff.tag-name", target(tenant, before.id()), "chosen by the staff member");
            return keepAccount(at, store, before, change.member());
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
            StaffRecord after = store.read(bound, before.id());
            tellPreviousAddress(at, store, before, after);
            keepAccount(at, store, before, after);
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

    /** An entry of one library system, for work that crosses library systems. */
    public record Entry(TenantId tenant, UUID id) {
    }

    /**
     * Entries of every library system whose account is still open though their last day is {@code onDay} or earlier
     * (ids only, through a definer function); each is checked against its own library system's date when closed.
     */
    @Transactional
    public List<Entry> accountsToClose(LocalDate onDay, int max) {
        List<Object[]> rows = em.createNativeQuery("select tenant_id, staff_member_id from staff_accounts_to_close(?1, ?2)")
                .setParameter(1, max).setParameter(2, java.sql.Date.valueOf(onDay)).getResultList();
        List<Entry> entries = new java.util.ArrayList<>();
        for (Object[] row : rows) {
            Object id = row[1];
            entries.add(new Entry(new TenantId((String) row[0]), id instanceof UUID u ? u : UUID.fromString(id.toString())));
        }
        return entries;
    }

    /**
     * Closes the account of an entry whose last day has passed in its library system (the day after the last day),
     * once: disabled, its sessions ended, audited. Answers whether it closed one.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean closeEndedAccount(Entry entry) {
        LibraryWork.InLibrary at = work.actFor(em, entry.tenant(), Caller.SYSTEM);
        RosterStore store = store(at);
        StaffMember member = at.db().find(StaffMember.class, entry.id(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (member == null || !member.maySignIn() || member.accountClosed() || member.endsOn() == null
                || !member.endsOn().isBefore(store.system().today(clock))) {
            return false;
        }
        String realm = store.system().slug();
        accounts(() -> {
            accounts.get().close(realm, member.id(), member.username());
            return null;
        });
        member.markAccountClosed(true);
        at.audit("staff.account-close", target(entry.tenant(), member.id()), "last day " + member.endsOn() + " passed");
        return true;
    }

    // ---- accounts (modules/staffing/README.md, "Accounts")

    /**
     * An entry that signs in needs an e-mail address (the invitation goes there) and a username; without one, an
     * account of the realm with that address that no entry claims yet (a federated user) lends its username.
     */
    private StaffDetails signInReady(LibrarySystem system, StaffDetails wanted) {
        StaffDetails checked = RosterRules.checked(wanted, system);
        if (checked.email() == null) {
            throw Refusal.invalid("email", Text.of("staffing.sign-in.email-required"));
        }
        if (checked.username() != null) {
            return checked;
        }
        String username = accounts(() -> accounts.get().unlinkedUsernameByEmail(system.slug(), checked.email()))
                .orElseThrow(() -> Refusal.invalid("username", Text.of("staffing.sign-in.username-required")));
        return new StaffDetails(checked.tagName(), username, checked.position(), checked.branch(), checked.employmentType(),
                checked.startsOn(), checked.endsOn(), checked.email());
    }

    /**
     * Makes the entry's account what the entry says, inside this transaction (undone if it rolls back): open while the
     * entry may sign in and has not ended (a last day of today or earlier closes it at once), else closed if it had
     * one. A changed username closes the old account before the new one opens. Answers the entry as stored now.
     */
    private StaffRecord keepAccount(LibraryWork.InLibrary at, RosterStore store, StaffRecord before, StaffRecord after) {
        boolean had = before != null && before.maySignIn();
        LocalDate today = store.system().today(clock);
        boolean open = after.maySignIn() && (after.endsOn() == null || after.endsOn().isAfter(today));
        if (!had && !open) {
            return after;
        }
        String realm = store.system().slug();
        if (had && (!open || !before.username().equals(after.username()))) {
            accounts(() -> {
                accounts.get().close(realm, before.id(), before.username());
                return null;
            });
        }
        if (open) {
            StaffAccounts.Account account = new StaffAccounts.Account(realm, after.id(), after.username(), after.email(),
                    after.tagName(), after.position(), after.branch(), rolesOf(at.outline(), store.system(), after));
            accounts(() -> {
                accounts.get().open(account);
                return null;
            });
        }
        at.audit(open ? "staff.account-open" : "staff.account-close", target(at.tenant(), after.id()),
                open ? "roles " + String.join(" ", new java.util.TreeSet<>(rolesOf(at.outline(), store.system(), after))) : "disabled");
        StaffMember member = at.db().find(StaffMember.class, after.id());
        if (member.accountClosed() == open) {
            // Written now, so the version answered is the one stored.
            member.markAccountClosed(!open);
            at.db().flush();
            return store.read(at.db(), after.id());
        }
        return after;
    }

    /**
     * The roles a position implies: everyone is staff; a position that receives incident reports is in charge of its
     * branch, and at a headquarters branch also works across branches. Tenant administrators are made in Keycloak.
     */
    static java.util.Set<String> rolesOf(org.servicepoint.tenancy.control.TenantOutline outline, LibrarySystem system,
                                         StaffRecord entry) {
        java.util.Set<String> roles = new java.util.LinkedHashSet<>();
        roles.add(org.servicepoint.platform.control.Roles.STAFF);
        if (system.receives(entry.position())) {
            roles.add(org.servicepoint.platform.control.Roles.PERSON_IN_CHARGE);
            boolean headquarters = outline.branches().stream()
                    .anyMatch(b -> b.headquarters() && b.code().equals(entry.branch()));
            if (headquarters) {
                roles.add(org.servicepoint.platform.control.Roles.HEADQUARTERS);
            }
        }
        return roles;
    }

    /** The account service's answers as problems: a clash is 409, an outage 503; either way this transaction rolls back. */
    private static <T> T accounts(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (StaffAccounts.Clash e) {
            throw Refusal.conflict(Text.of("email".equals(e.field()) ? "staffing.sign-in.clash-email" : "staffing.sign-in.clash-username"));
        } catch (StaffAccounts.Unavailable e) {
            java.util.logging.Logger.getLogger(Roster.class.getName()).log(java.util.logging.Level.WARNING,
                    "accounts unavailable", e);
            throw new Refusal("accounts-unavailable", 503, "Sign-in accounts unavailable", Text.of("staffing.sign-in.unavailable"),
                    List.of());
        }
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
