package org.servicepoint.demo.control;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * One library system's demo data as read from {@code tenants/<slug>/demo/*.yaml}, checked for shape but not yet for
 * the library system's rules (the controls check those when it is applied). Dates are relative to the day it is
 * applied, so the demo looks alive whenever it first runs. Every item keeps {@code at}, its file and line, so a
 * refusal from a control can name where the item was written.
 */
public record DemoSet(String slug, List<Person> roster, List<WeeklyShift> shifts, List<Incident> incidents, List<Ban> bans,
                      List<Raised> escalations, List<Granted> exceptions, List<Answered> training, List<Card> commentCards,
                      List<Reconsidered> reconsiderations, List<Complained> complaints, List<FollowedUp> followUps,
                      List<CallBackOffer> callBacks, String sha256) {

    public DemoSet {
        roster = List.copyOf(roster);
        shifts = List.copyOf(shifts);
        incidents = List.copyOf(incidents);
        bans = List.copyOf(bans);
        escalations = List.copyOf(escalations);
        exceptions = List.copyOf(exceptions);
        training = List.copyOf(training);
        commentCards = List.copyOf(commentCards);
        reconsiderations = List.copyOf(reconsiderations);
        complaints = List.copyOf(complaints);
        followUps = List.copyOf(followUps);
        callBacks = List.copyOf(callBacks);
    }

    public int items() {
        return roster.size() + shifts.size() + incidents.size() + bans.size() + escalations.size() + exceptions.size() + training.size()
                + commentCards.size() + reconsiderations.size() + complaints.size() + followUps.size()
                + callBacks.size();
    }

    /** A roster entry: the tag name staff chose, and a work email so incident reports reach them. */
    public record Person(String at, String tagName, String username, String position, String branch, String employmentType,
                         LocalDate startsOn, String email) {
    }

    /** The same hours at one desk on several weekdays, from two weeks before the demo was applied, open-ended. */
    public record WeeklyShift(String at, String who, String branch, String desk, List<String> days, String start, String end,
                              boolean skipNext) {
    }

    /** Report states in the order the workflow reaches them; each includes the steps before it. */
    public enum State {
        DRAFT, SUBMITTED, COUNTERSIGNED, ACKNOWLEDGED, CLOSED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A past incident, written by a demo user and taken as far as {@code state}. */
    public record Incident(String at, String by, String category, String branch, int daysAgo, LocalTime time,
                           Map<String, Object> answers, String calledTo, State state, String countersignedBy,
                           String headquarters) {
    }

    /** A computer-use ban imposed by a person in charge; {@code liftedBy} set: lifted early (today). */
    public record Ban(String at, String by, String card, String patron, String scope, String branch, int startedDaysAgo,
                      int days, String reason, String liftedBy, String liftReason) {
    }

    /** A situation escalated by a demo user today, with the outcome recorded by whoever decided, if given. */
    public record Raised(String at, String by, String branch, String situation, String note, String outcomeBy, String outcome) {
    }

    /**
     * Exceptions to a flexible policy recorded by a demo user, one on each of the days {@code daysAgo} (at {@code time},
     * library system's time), approved by {@code approvedBy}, a tag name on the demo roster.
     */
    public record Granted(String at, String by, String policy, String branch, String approvedBy, List<Integer> daysAgo,
                          LocalTime time, String asked, String granted) {
    }

    /** A training scenario a demo user went through, with the choice they made. */
    public record Answered(String at, String by, String scenario, String choice) {
    }

    /**
     * A comment card as a patron left it on the branch's public page (kind praise|suggestion|complaint, language en|es),
     * with a way to reply if {@code email} is given; {@code thankedBy} set: a demo user thanked for it.
     */
    public record Card(String at, String branch, String kind, String text, String language, String name, String email,
                       String thankedBy) {
    }

    /**
     * A request to reconsider an item, received today from the public form without a contact, taken through the review
     * steps named (each by a demo user, with a note) and, if {@code decisionBy} is set, decided.
     */
    public record Reconsidered(String at, String branch, String title, String author, String format, String objection,
                               String consumed, String asks, List<ReviewStepDone> steps, String decisionBy, String outcome,
                               String reasons) {
        public Reconsidered {
            steps = List.copyOf(steps);
        }
    }

    /** A step of a demo review, done by a demo user with a note. */
    public record ReviewStepDone(String step, String by, String note) {
    }

    /**
     * A complaint a demo user recorded today, with the patron's contact if given, then opened by {@code openedBy}, responded
     * to by {@code respondedBy} ({@code responseChannel}: email, phone or in-person) and closed by {@code closedBy}, each
     * if given, in that order.
     */
    public record Complained(String at, String by, String branch, String channel, String about, String policy, String asks,
                             String contactName, String contactEmail, String contactPhone, String contactLanguage, String openedBy,
                             String respondedBy, String responseChannel, String response, String closedBy) {
    }

    /**
     * A follow-up on the {@code escalation}-th demo escalation (from 1, in file order), due {@code dueInDays} from the day
     * the demo is applied, owned by a person of the demo roster (tag name); done by its owner if {@code done}.
     */
    public record FollowedUp(String at, String by, int escalation, String what, int dueInDays, String owner, boolean done) {
    }

    /**
     * A call-back offered by a demo user {@code daysAgo} days back at {@code time} (0: now), to the patron's phone;
     * {@code outcome} set: the same user took it and recorded that outcome today.
     */
    public record CallBackOffer(String at, String by, String branch, int daysAgo, LocalTime time, String question, String name,
                                String phone, String outcome) {
    }
}
