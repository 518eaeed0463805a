package org.servicepoint.staffing.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.servicepoint.platform.control.BranchScope;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.FreeText;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.entity.EmploymentType;

/**
 * The rules a roster entry keeps, whoever sends it (form or CSV row), and who may read or change the roster.
 * Plain Java so that every rule is tested without a container.
 */
public final class RosterRules {

    /** Counted in characters (code points), as PostgreSQL counts {@code varchar(60)}. */
    public static final int TAG_NAME_MAX = 60;
    public static final Pattern USERNAME = Pattern.compile("^[a-z][a-z0-9._-]{2,39}$");
    public static final int EMAIL_MAX = 254;
    /** One address, no display name, no spaces or angle brackets (which could smuggle a second recipient into a header). */
    static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern SPACES = Pattern.compile("\\p{Zs}+");

    /** The fields of an entry, with their names in JSON and in the CSV file, so each refusal uses the sender's name. */
    public enum Field {
        TAG_NAME("tagName", "tag_name"),
        USERNAME("username", "username"),
        POSITION("position", "position"),
        BRANCH("branch", "branch"),
        EMPLOYMENT_TYPE("employmentType", "employment_type"),
        STARTS_ON("startsOn", "starts_on"),
        ENDS_ON("endsOn", "ends_on"),
        EMAIL("email", "email");

        private final String json;
        private final String csv;

        Field(String json, String csv) {
            this.json = json;
            this.csv = csv;
        }

        public String json() { return json; }
        public String csv() { return csv; }
    }

    /** The entry in its stored form, or what is wrong with it (then {@code details} is null). */
    public record Outcome(StaffDetails details, List<Violation> violations) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    private RosterRules() {
    }

    /** Checks and normalises a form's entry; refuses with every problem at once. */
    public static StaffDetails checked(StaffDetails wanted, LibrarySystem system) {
        Outcome outcome = check(wanted, system, Field::json);
        if (!outcome.ok()) {
            throw Refusal.invalid(Text.of("staffing.fields-refused", outcome.violations().size()), outcome.violations());
        }
        return outcome.details();
    }

    public static Outcome check(StaffDetails wanted, LibrarySystem system, Function<Field, String> names) {
        List<Violation> violations = new ArrayList<>();
        String tagName = normaliseTagName(wanted.tagName());
        tagNameProblem(tagName).ifPresent(problem -> violations.add(new Violation(names.apply(Field.TAG_NAME), problem)));

        String username = blankToNull(wanted.username());
        if (username != null && !USERNAME.matcher(username).matches()) {
            violations.add(new Violation(names.apply(Field.USERNAME),
                    Text.of("staffing.username.format")));
        }

        String position = positionCode(wanted.position());
        if (position == null) {
            violations.add(new Violation(names.apply(Field.POSITION), Text.of("staffing.required")));
        } else if (!system.positions().containsKey(position)) {
            violations.add(new Violation(names.apply(Field.POSITION),
                    Text.of("staffing.position.unknown", position, String.join(", ", system.positions().keySet()))));
        }

        String branch = branchCode(wanted.branch());
        if (branch == null) {
            violations.add(new Violation(names.apply(Field.BRANCH), Text.of("staffing.required")));
        } else if (!system.branches().containsKey(branch)) {
            violations.add(new Violation(names.apply(Field.BRANCH),
                    Text.of("staffing.branch.unknown-of", branch, String.join(", ", system.branches().keySet()))));
        }

        Optional<EmploymentType> type = employmentType(wanted.employmentType());
        if (type.isEmpty()) {
            violations.add(new Violation(names.apply(Field.EMPLOYMENT_TYPE), Text.of(blankToNull(wanted.employmentType()) == null ? "staffing.required"
                    : "staffing.employment-type.one-of")));
        }

        if (wanted.startsOn() == null) {
            violations.add(new Violation(names.apply(Field.STARTS_ON), Text.of("staffing.required")));
        } else if (wanted.endsOn() != null && wanted.endsOn().isBefore(wanted.startsOn())) {
            violations.add(new Violation(names.apply(Field.ENDS_ON), Text.of("staffing.ends-before-start", wanted.startsOn())));
        }

        String email = blankToNull(wanted.email());
        if (email != null) {
            email = email.strip();
            if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
                violations.add(new Violation(names.apply(Field.EMAIL), Text.of("staffing.email.format")));
            } else {
                // Domains are case-insensitive; the local part is kept as typed.
                int at = email.lastIndexOf('@');
                email = email.substring(0, at) + email.substring(at).toLowerCase(java.util.Locale.ROOT);
            }
        }

        if (!violations.isEmpty()) {
            return new Outcome(null, List.copyOf(violations));
        }
        return new Outcome(new StaffDetails(tagName, username, position, branch, type.get().code(), wanted.startsOn(),
                wanted.endsOn(), email), List.of());
    }

    /**
     * The tag name as stored: composed Unicode (so "é" typed two ways is one name), spaces collapsed, trimmed.
     * Characters that are not plain text stay in, so that {@link #tagNameProblem} can name them.
     */
    public static String normaliseTagName(String raw) {
        if (raw == null) {
            return null;
        }
        return SPACES.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC)).replaceAll(" ").strip();
    }

    /** Why a (normalised) tag name cannot be printed on a tag, if it cannot. */
    public static Optional<Text> tagNameProblem(String tagName) {
        if (tagName == null || tagName.isEmpty()) {
            return Optional.of(Text.of("staffing.required"));
        }
        int length = tagName.codePointCount(0, tagName.length());
        if (length > TAG_NAME_MAX) {
            return Optional.of(Text.of("staffing.tag-name.too-long", length, TAG_NAME_MAX));
        }
        OptionalInt bad = tagName.codePoints().filter(cp -> !plainText(cp)).findFirst();
        if (bad.isPresent()) {
            return Optional.of(Text.of("staffing.tag-name.not-plain", String.format(Locale.ROOT, "U+%04X", bad.getAsInt())));
        }
        return FreeText.markup(tagName).map(FreeText::markupText);
    }

    /**
     * Letters of any script, marks, digits, punctuation, symbols and spaces. Not: control characters, line
     * breaks, private-use or unassigned code points, and formatting characters such as direction overrides,
     * which can make a name display as something else. The two joiners stay: some scripts spell names with them.
     */
    static boolean plainText(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            case Character.FORMAT -> cp == 0x200C || cp == 0x200D;
            default -> true;
        };
    }

    /** Branch codes are upper case by the tenant schema; a spreadsheet's "pine-hollow" means the same branch. */
    public static String branchCode(String raw) {
        String code = blankToNull(raw);
        return code == null ? null : code.toUpperCase(Locale.ROOT);
    }

    /** Position codes are lower case by the tenant schema. */
    public static String positionCode(String raw) {
        String code = blankToNull(raw);
        return code == null ? null : code.toLowerCase(Locale.ROOT);
    }

    /** "student-assistant", also written "STUDENT_ASSISTANT" or "Student-Assistant". */
    public static Optional<EmploymentType> employmentType(String raw) {
        String code = blankToNull(raw);
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.toLowerCase(Locale.ROOT).replace('_', '-');
        for (EmploymentType type : EmploymentType.values()) {
            if (type.code().equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    // Who may. The resources' role checks say the same; the control checks again because it may be called
    // from elsewhere than HTTP.

    /** Any staff member of the library system (and the system itself) may read its roster. */
    public static boolean reads(Caller caller, TenantId tenant) {
        return isSystem(caller) || caller != null && caller.isStaffOf(tenant);
    }

    /** Tenant administrators and persons in charge keep the roster. */
    public static boolean changes(Caller caller, TenantId tenant) {
        return isSystem(caller) || caller != null && caller.isStaffOf(tenant)
                && (caller.roles().contains(Roles.TENANT_ADMIN) || caller.roles().contains(Roles.PERSON_IN_CHARGE));
    }

    /** The fields that decide who is mailed incident reports: where a holder works, when, and at which address. */
    static final Set<String> RECIPIENT_FIELDS = Set.of(Field.POSITION.json(), Field.BRANCH.json(), Field.EMAIL.json(),
            Field.STARTS_ON.json(), Field.ENDS_ON.json());

    /**
     * Refuses a change the caller's branch or role does not allow. {@code before} is null for a new entry. Persons in
     * charge add and change entries of their own branch only; who receives incident reports (an entry that holds, or
     * would hold, a receiving position: its position, branch, dates and email) is changed by headquarters or tenant
     * administrators only, since an address put there is sent the branch's signed reports.
     */
    public static void checkChange(Caller caller, StaffDetails before, StaffDetails after, LibrarySystem system) {
        BranchScope.requireCovers(caller, after.branch());
        boolean receiver = system.receives(after.position()) || before != null && system.receives(before.position());
        boolean touches = before == null
                || RosterStore.changedFields(before, after).stream().anyMatch(RECIPIENT_FIELDS::contains);
        if (receiver && touches && !BranchScope.acrossBranches(caller)) {
            throw Refusal.forbidden(Text.of("staffing.roster.recipients-by-headquarters"));
        }
    }

    /** The address that received reports before a change and no longer will: it is told of the change. */
    public static Optional<String> previousAddressToTell(StaffDetails before, StaffDetails after, LibrarySystem system) {
        if (before == null || before.email() == null || !system.receives(before.position())) {
            return Optional.empty();
        }
        boolean stillReceives = after != null && before.email().equals(after.email()) && system.receives(after.position());
        return stillReceives ? Optional.empty() : Optional.of(before.email());
    }

    static void require(boolean allowed) {
        if (!allowed) {
            throw Refusal.forbidden(Text.of("platform.forbidden.role"));
        }
    }

    private static boolean isSystem(Caller caller) {
        return caller != null && caller.kind() == Caller.Kind.SYSTEM;
    }
}
