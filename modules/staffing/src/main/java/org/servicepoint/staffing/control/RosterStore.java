package org.servicepoint.staffing.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;
import org.servicepoint.staffing.entity.EmploymentType;
import org.servicepoint.staffing.entity.StaffMember;

/**
 * The roster on an entity manager bound to one library system. Plain Java: the transaction, the binding, the
 * permission and the audit are the caller's ({@link Roster}); integration tests drive it directly.
 * Everything it returns is a record made before the transaction ends.
 */
public final class RosterStore {

    /** What a list or a sheet of tags covers. */
    public record Filter(String branch, boolean includeEnded) {
        public static final Filter EVERYONE = new Filter(null, true);
    }

    private final LibrarySystem system;
    private final Clock clock;

    public RosterStore(LibrarySystem system, Clock clock) {
        this.system = system;
        this.clock = clock;
    }

    public LibrarySystem system() {
        return system;
    }

    /**
     * The roster in the library system's alphabetical order of tag names. Without {@code includeEnded}, people
     * whose last day has passed are left out; people who start later are in.
     */
    public List<StaffRecord> list(EntityManager bound, Filter filter) {
        String branch = checkedBranch(filter.branch());
        var query = branch == null
                ? bound.createQuery("select s from StaffMember s", StaffMember.class)
                : bound.createQuery("select s from StaffMember s where s.branchCode = :branch", StaffMember.class)
                        .setParameter("branch", branch);
        LocalDate today = system.today(clock);
        Collator collator = Collator.getInstance(system.locale());
        return query.getResultList().stream()
                .filter(m -> filter.includeEnded() || m.endsOn() == null || !m.endsOn().isBefore(today))
                .map(this::record)
                .sorted(Comparator.comparing(StaffRecord::tagName, collator).thenComparing(r -> r.id().toString()))
                .toList();
    }

    public StaffRecord read(EntityManager bound, UUID id) {
        return record(find(bound, id));
    }

    public StaffRecord add(EntityManager bound, StaffDetails wanted) {
        StaffDetails details = RosterRules.checked(wanted, system);
        usernameFree(bound, details.username(), null);
        StaffMember member = new StaffMember(details.tagName(), details.position(), details.branch(),
                EmploymentType.ofCode(details.employmentType()), details.startsOn(), details.endsOn(), details.username(),
                details.email());
        bound.persist(member);
        flush(bound, member.id());
        return record(member);
    }

    /**
     * Makes an entry what the form says. Sending what is already stored changes nothing and is accepted whatever
     * the version (so a repeated PUT answers the same); a real change needs the version the sender read.
     */
    public Change replace(EntityManager bound, UUID id, StaffDetails wanted, long version) {
        StaffDetails details = RosterRules.checked(wanted, system);
        StaffMember member = find(bound, id);
        StaffRecord before = record(member);
        if (before.details().equals(details)) {
            return new Change(before, List.of());
        }
        if (member.version() != version) {
            throw Refusal.conflict(Text.of("staffing.staff-member.version", id, member.version(),
                    version));
        }
        usernameFree(bound, details.username(), id);
        apply(member, details);
        flush(bound, id);
        return new Change(record(member), changedFields(before.details(), details));
    }

    /** Whether the person signs in (the caller checked that they have a username and an address). */
    public StaffRecord allowSignIn(EntityManager bound, UUID id, boolean may) {
        StaffMember member = find(bound, id);
        if (may && member.username() == null) {
            throw Refusal.invalid("username", Text.of("staffing.sign-in.username-required"));
        }
        member.allowSignIn(may);
        flush(bound, id);
        return record(member);
    }

    /**
     * The signed-in person's own entry: the one with their username. Another library system's or nobody's is not
     * found, as is an entry that has ended.
     */
    public StaffRecord own(EntityManager bound, String username) {
        LocalDate today = system.today(clock);
        return bound.createQuery("select s from StaffMember s where s.username = :username", StaffMember.class)
                .setParameter("username", username)
                .getResultStream()
                .filter(m -> m.endsOn() == null || !m.endsOn().isBefore(today))
                .findFirst()
                .map(this::record)
                .orElseThrow(() -> Refusal.notFound(Text.of("staffing.not-found.own-entry")));
    }

    /** Changes only the tag name (already checked by the rules); answers the entry and whether anything changed. */
    public Change renameTag(EntityManager bound, UUID id, String tagName) {
        StaffMember member = find(bound, id);
        StaffRecord before = record(member);
        if (before.tagName().equals(tagName)) {
            return new Change(before, List.of());
        }
        member.change(tagName, member.positionCode(), member.branchCode(), member.employmentType(), member.startsOn(),
                member.endsOn(), member.username());
        flush(bound, id);
        return new Change(record(member), List.of(RosterRules.Field.TAG_NAME.json()));
    }

    /** Sets the last day on the roster; ending someone again on the same day changes nothing. */
    public Change end(EntityManager bound, UUID id, LocalDate lastDay) {
        StaffMember member = find(bound, id);
        if (lastDay == null) {
            throw Refusal.invalid("endsOn", Text.of("staffing.required"));
        }
        if (lastDay.isBefore(member.startsOn())) {
            throw Refusal.invalid("endsOn", Text.of("staffing.ends-before-start", member.startsOn()));
        }
        if (lastDay.equals(member.endsOn())) {
            return new Change(record(member), List.of());
        }
        member.end(lastDay);
        flush(bound, id);
        return new Change(record(member), List.of("endsOn"));
    }

    /** Applies a whole import, which {@link RosterImport} has checked; the caller's transaction makes it all or nothing. */
    public ImportSummary importRows(EntityManager bound, List<RosterCsv.Line> lines) {
        return importPlan(bound, plan(bound, lines));
    }

    /** What an import would do, checked, against the whole roster; nothing is written. */
    public RosterImport.Plan plan(EntityManager bound, List<RosterCsv.Line> lines) {
        return RosterImport.plan(lines, list(bound, Filter.EVERYONE), system);
    }

    /** Each row's outcome against the whole roster; nothing is written. */
    public List<RosterImport.RowOutcome> preview(EntityManager bound, List<RosterCsv.Line> lines) {
        return RosterImport.preview(lines, list(bound, Filter.EVERYONE), system);
    }

    /** Applies a plan made by {@link #plan}. */
    public ImportSummary importPlan(EntityManager bound, RosterImport.Plan plan) {
        for (Map.Entry<UUID, StaffDetails> change : plan.changes().entrySet()) {
            apply(find(bound, change.getKey()), change.getValue());
        }
        for (StaffDetails details : plan.additions()) {
            bound.persist(new StaffMember(details.tagName(), details.position(), details.branch(),
                    EmploymentType.ofCode(details.employmentType()), details.startsOn(), details.endsOn(), details.username(),
                    details.email()));
        }
        flush(bound, null);
        return plan.summary();
    }

    /** An entry after a change, and which fields changed (empty: nothing did). */
    public record Change(StaffRecord member, List<String> fields) {
        public boolean changed() {
            return !fields.isEmpty();
        }
    }

    StaffRecord record(StaffMember m) {
        LocalDate today = system.today(clock);
        return new StaffRecord(m.id(), m.tagName(), m.username(), m.positionCode(), system.positionName(m.positionCode()),
                m.branchCode(), system.branchName(m.branchCode()), m.employmentType().code(), m.startsOn(), m.endsOn(),
                m.activeOn(today), m.version(), m.email(), m.maySignIn());
    }

    /** A branch to filter by, as the library system spells it; an unknown one is a mistake worth saying. */
    String checkedBranch(String raw) {
        String branch = RosterRules.branchCode(raw);
        if (branch != null && !system.branches().containsKey(branch)) {
            throw Refusal.invalid("branch", Text.of("staffing.branch.unknown-of", branch,
                    String.join(", ", system.branches().keySet())));
        }
        return branch;
    }

    private static StaffMember find(EntityManager bound, UUID id) {
        // The tenant filter applies to find as well: another library system's id is simply not there.
        return Optional.ofNullable(bound.find(StaffMember.class, id))
                .orElseThrow(() -> Refusal.notFound(Text.of("staffing.not-found.staff-member", id)));
    }

    private static void apply(StaffMember member, StaffDetails d) {
        member.change(d.tagName(), d.position(), d.branch(), EmploymentType.ofCode(d.employmentType()), d.startsOn(),
                d.endsOn(), d.username());
        member.changeEmail(d.email());
    }

    private static void usernameFree(EntityManager bound, String username, UUID self) {
        if (username == null) {
            return;
        }
        bound.createQuery("select s from StaffMember s where s.username = :username", StaffMember.class)
                .setParameter("username", username)
                .getResultStream()
                .filter(other -> !other.id().equals(self))
                .findFirst()
                .ifPresent(other -> {
                    throw Refusal.conflict(Text.of("staffing.username.taken", username, other.id()));
                });
    }

    /**
     * Writes now, so that a clash with a concurrent change surfaces here as a refusal, not at commit as a failure.
     */
    private static void flush(EntityManager bound, UUID id) {
        try {
            bound.flush();
        } catch (OptimisticLockException e) {
            throw Refusal.conflict(Text.of("staffing.staff-member.changed-just-now", id));
        } catch (PersistenceException e) {
            if (uniqueViolation(e)) {
                throw Refusal.conflict(Text.of("staffing.username.taken-just-now"));
            }
            throw e;
        }
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static List<String> changedFields(StaffDetails before, StaffDetails after) {
        List<String> fields = new ArrayList<>();
        compare(fields, RosterRules.Field.TAG_NAME, before.tagName(), after.tagName());
        compare(fields, RosterRules.Field.USERNAME, before.username(), after.username());
        compare(fields, RosterRules.Field.POSITION, before.position(), after.position());
        compare(fields, RosterRules.Field.BRANCH, before.branch(), after.branch());
        compare(fields, RosterRules.Field.EMPLOYMENT_TYPE, before.employmentType(), after.employmentType());
        compare(fields, RosterRules.Field.STARTS_ON, before.startsOn(), after.startsOn());
        compare(fields, RosterRules.Field.ENDS_ON, before.endsOn(), after.endsOn());
        compare(fields, RosterRules.Field.EMAIL, before.email(), after.email());
        return fields;
    }

    private static void compare(List<String> fields, RosterRules.Field field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            fields.add(field.json());
        }
    }
}
