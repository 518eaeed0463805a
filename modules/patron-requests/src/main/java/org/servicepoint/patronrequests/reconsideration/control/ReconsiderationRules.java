package org.servicepoint.patronrequests.reconsideration.control;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.servicepoint.patronrequests.control.PatronContact;
import org.servicepoint.patronrequests.control.PatronContacts;
import org.servicepoint.patronrequests.reconsideration.entity.Reconsideration;
import org.servicepoint.platform.control.BranchScope;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.FreeText;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;

/**
 * The rules of a reconsideration, in plain Java: what a request must hold, when each step of the review is due, the
 * order steps are done in, and who may act. No database and no container, so each rule is tested on its own.
 */
public final class ReconsiderationRules {

    public static final int TITLE_MAX = 300;
    public static final int AUTHOR_MAX = 200;
    public static final int OBJECTION_MAX = 4000;
    public static final int ASKS_MAX = 1000;
    public static final int NOTE_MAX = 2000;
    public static final int REASONS_MAX = 4000;

    private ReconsiderationRules() {
    }

    /** A request as it will be kept: texts stripped, optional ones null. */
    public record Checked(Reconsideration.Item item, String objection, String consumed, String asks) {
    }

    /**
     * The request and the contact (null: none left) checked together, every problem named by its field ({@code title},
     * {@code objection}, {@code contact.email}…): a refusal (400) lists them all, and nothing is kept.
     */
    public static Checked check(NewReconsideration request, PatronContact contact) {
        List<Violation> found = new ArrayList<>();
        if (request == null) {
            throw Refusal.invalid(Text.of("patronrequests.reconsideration.invalid"),
                    List.of(new Violation("title", Text.of("platform.text.required"))));
        }
        String title = text(found, "title", request.title(), TITLE_MAX, true, false);
        String author = text(found, "author", request.author(), AUTHOR_MAX, false, false);
        String objection = text(found, "objection", request.objection(), OBJECTION_MAX, true, true);
        String asks = text(found, "asks", request.asks(), ASKS_MAX, false, true);
        String format = code(found, "format", request.format(), Reconsideration.FORMATS);
        String consumed = code(found, "consumed", request.consumed(), Reconsideration.CONSUMED);
        if (contact != null) {
            found.addAll(PatronContacts.check("contact.", contact));
        }
        if (!found.isEmpty()) {
            throw Refusal.invalid(Text.of("patronrequests.reconsideration.invalid"), found);
        }
        return new Checked(new Reconsideration.Item(title, author, format), objection, consumed, asks);
    }

    /** A committee member's note on a step: plain text, optional. */
    public static String note(String note) {
        return FreeText.check("note", note, NOTE_MAX, false, true);
    }

    /** The committee's decision, checked: an outcome of the four and reasons in plain text. */
    public record Decision(String outcome, String reasons) {
    }

    public static Decision decision(String outcome, String reasons) {
        List<Violation> found = new ArrayList<>();
        String chosen = code(found, "outcome", outcome, Reconsideration.OUTCOMES);
        String why = text(found, "reasons", reasons, REASONS_MAX, true, true);
        if (!found.isEmpty()) {
            throw Refusal.invalid(Text.of("patronrequests.reconsideration.decision.invalid"), found);
        }
        return new Decision(chosen, why);
    }

    /** One step of the review: its name and days, and once done when, by whom and with what note. */
    public record Step(String step, int days, Instant doneAt, String by, String note) {
        public boolean done() {
            return doneAt != null;
        }
    }

    /** A step with its due date: known once the step before it is done (the first's from receipt); null after that. */
    public record Scheduled(Step step, Instant dueAt) {
        public boolean overdue(Instant now) {
            return !step.done() && dueAt != null && dueAt.isBefore(now);
        }
    }

    /**
     * When each step is due: {@code days} calendar days in the library system's zone after the step before it was done,
     * the first after receipt. A step whose predecessor is not done yet has no due date.
     */
    public static List<Scheduled> schedule(List<Step> steps, Instant receivedAt, ZoneId zone) {
        List<Scheduled> scheduled = new ArrayList<>();
        Instant from = receivedAt;
        for (Step step : steps) {
            Instant due = from == null ? null : from.atZone(zone).plusDays(step.days()).toInstant();
            scheduled.add(new Scheduled(step, due));
            from = step.done() ? step.doneAt() : null;
        }
        return scheduled;
    }

    /** The first step not done: the one the review waits for (the last is the decision). */
    public static Scheduled current(List<Scheduled> scheduled) {
        return scheduled.stream().filter(s -> !s.step().done()).findFirst().orElse(null);
    }

    /**
     * Whether {@code step} may be done now: it is one of the steps, not the last (the decision is), not done yet, and
     * every step before it is done. A refusal says which, and names the step that comes first.
     */
    public static void requireNext(List<Step> steps, String step) {
        int at = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).step().equals(step)) {
                at = i;
            }
        }
        if (at < 0) {
            throw Refusal.notFound(Text.of("patronrequests.reconsideration.step.unknown", step));
        }
        if (at == steps.size() - 1) {
            throw Refusal.conflict(Text.of("patronrequests.reconsideration.step.last-is-decision", step));
        }
        if (steps.get(at).done()) {
            throw Refusal.conflict(Text.of("patronrequests.reconsideration.step.done-already", step));
        }
        for (int i = 0; i < at; i++) {
            if (!steps.get(i).done()) {
                throw Refusal.conflict(Text.of("patronrequests.reconsideration.step.in-order", steps.get(i).step(), step));
            }
        }
    }

    /** Before the decision every step but the last (the decision itself) is done. */
    public static void requireReadyToDecide(List<Step> steps) {
        for (int i = 0; i < steps.size() - 1; i++) {
            if (!steps.get(i).done()) {
                throw Refusal.conflict(Text.of("patronrequests.reconsideration.decision.steps-first", steps.get(i).step()));
            }
        }
    }

    /**
     * Who reviews and decides: a holder of a committee position (their roster positions are {@code held}),
     * headquarters and tenant administrators of the library system.
     */
    public static boolean mayReview(Caller caller, Collection<String> held, Collection<String> committee) {
        if (caller == null || caller.kind() != Caller.Kind.STAFF) {
            return false;
        }
        return BranchScope.acrossBranches(caller) || held.stream().anyMatch(committee::contains);
    }

    /**
     * Who sees which requests: committee members, headquarters and tenant administrators every branch's (true); persons
     * in charge their own branch's (false); anyone else none (403).
     */
    public static boolean seesEveryBranch(Caller caller, Collection<String> held, Collection<String> committee) {
        if (mayReview(caller, held, committee)) {
            return true;
        }
        if (caller != null && caller.kind() == Caller.Kind.STAFF && caller.roles().contains(Roles.PERSON_IN_CHARGE)) {
            return false;
        }
        throw Refusal.forbidden(Text.of("patronrequests.reconsideration.forbidden.read"));
    }

    private static String text(List<Violation> found, String field, String value, int max, boolean required, boolean multiline) {
        try {
            return FreeText.check(field, value, max, required, multiline);
        } catch (Refusal refused) {
            found.addAll(refused.violations());
            return null;
        }
    }

    private static String code(List<Violation> found, String field, String value, Set<String> allowed) {
        String code = value == null ? "" : value.strip();
        if (!allowed.contains(code)) {
            found.add(new Violation(field, Text.of("patronrequests.reconsideration.one-of",
                    String.join(", ", allowed.stream().sorted().toList()))));
            return null;
        }
        return code;
    }
}
