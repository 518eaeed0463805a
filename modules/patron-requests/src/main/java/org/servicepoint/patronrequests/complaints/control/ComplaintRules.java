package org.servicepoint.patronrequests.complaints.control;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.servicepoint.patronrequests.control.PatronContact;
import org.servicepoint.patronrequests.control.PatronContacts;
import org.servicepoint.platform.control.BranchScope;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.FreeText;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Text;
import org.servicepoint.tenancy.control.TenantOutline;

/**
 * What a complaint, a response and a closing note must hold, as plain Java: every problem of a request is found
 * before anything is stored and answered at once (400), a branch other than the caller's own is refused (403).
 */
public final class ComplaintRules {

    public static final int ABOUT_MAX = 2000;
    public static final int ASKS_MAX = 1000;
    public static final int RESPONSE_MAX = 4000;
    public static final int NOTE_MAX = 500;
    public static final int KEY_MAX = 100;

    public static final List<String> CHANNELS = List.of("in-person", "phone", "email", "comment-card");
    public static final List<String> RESPONSE_CHANNELS = List.of("email", "phone", "in-person");

    private static final Pattern POLICY_KEY = Pattern.compile("^[a-z0-9][a-z0-9-]{0,59}$");
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9:._-]{1," + KEY_MAX + "}$");

    private ComplaintRules() {
    }

    /** A complaint that may be recorded: texts stripped, the branch filled in, blanks as null. */
    public record Checked(String branch, String channel, String about, String policy, String asks, PatronContact contact,
                          UUID contactId, UUID commentCard, String key) {
    }

    /** A response that may be recorded. */
    public record Response(String text, String channel) {
    }

    /** The draft checked against the library system; 400 with every problem, 403 for another branch than the caller's. */
    public static Checked check(NewComplaint draft, TenantOutline library, Caller caller) {
        List<Violation> found = new ArrayList<>();
        String branch = blankToNull(draft.branch());
        if (branch == null) {
            branch = BranchScope.ownBranch(caller).orElse(null);
        }
        if (branch == null) {
            found.add(new Violation("branch", Text.of("patronrequests.complaints.branch.required")));
        } else if (!library.hasBranch(branch)) {
            found.add(new Violation("branch", Text.of("patronrequests.complaints.branch.unknown", branch)));
        }
        String channel = blankToNull(draft.channel());
        if (channel == null || !CHANNELS.contains(channel)) {
            found.add(new Violation("channel", Text.of("patronrequests.complaints.channel")));
        }
        String about = text(found, "about", draft.about(), ABOUT_MAX, true);
        String asks = text(found, "asks", draft.asks(), ASKS_MAX, false);
        String policy = blankToNull(draft.policy());
        if (policy != null && !POLICY_KEY.matcher(policy).matches()) {
            found.add(new Violation("policy", Text.of("patronrequests.complaints.policy.unknown", policy)));
        }
        PatronContact contact = draft.contact();
        if (contact != null && blankToNull(contact.name()) == null && blankToNull(contact.email()) == null
                && blankToNull(contact.phone()) == null) {
            contact = null; // a form sent with every contact field empty: the patron left none
        }
        if (contact != null && draft.contactId() != null) {
            found.add(new Violation("contact", Text.of("patronrequests.complaints.contact.both")));
        } else if (contact != null) {
            found.addAll(PatronContacts.check("contact.", contact));
        }
        String key = blankToNull(draft.key());
        if (key != null && !KEY.matcher(key).matches()) {
            found.add(new Violation("key", Text.of("patronrequests.complaints.key", KEY_MAX)));
        }
        if (!found.isEmpty()) {
            throw Refusal.invalid(Text.of("patronrequests.complaints.invalid"), found);
        }
        BranchScope.requireCovers(caller, branch);
        return new Checked(branch, channel, about, policy, asks, contact, draft.contactId(), draft.commentCard(), key);
    }

    /** A response to the patron; 400 with every problem. */
    public static Response response(String text, String channel) {
        List<Violation> found = new ArrayList<>();
        String checked = text(found, "text", text, RESPONSE_MAX, true);
        String how = blankToNull(channel);
        if (how == null || !RESPONSE_CHANNELS.contains(how)) {
            found.add(new Violation("channel", Text.of("patronrequests.complaints.response-channel")));
        }
        if (!found.isEmpty()) {
            throw Refusal.invalid(Text.of("patronrequests.complaints.invalid"), found);
        }
        return new Response(checked, how);
    }

    /** A closing note (optional). */
    public static String note(String note) {
        return FreeText.check("note", note, NOTE_MAX, false, true);
    }

    /** Due the given number of days after it was received, counted in the library system's time (a DST change keeps the hour). */
    public static Instant due(Instant received, ZoneId zone, int days) {
        return received.atZone(zone).plusDays(days).toInstant();
    }

    private static String text(List<Violation> found, String field, String value, int max, boolean required) {
        try {
            return FreeText.check(field, value, max, required, true);
        } catch (Refusal refused) {
            found.addAll(refused.violations());
            return null;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
