package org.servicepoint.patronrequests.control;

import org.servicepoint.patronrequests.entity.MatterKind;
import java.util.List;
import java.util.Map;

/**
 * A library system's rules for what patrons bring, as {@code patron-requests.yaml} writes them (checked by
 * {@link RulesDocuments}). A library system without the file gets {@link #NONE}: complaints go to the persons in
 * charge of the branch, call-backs are due the same opening day, nothing is reconsidered until a committee is named.
 */
public record PatronRequestRules(Complaints complaints, Reconsideration reconsideration, CallBacks callBacks,
                                 Retention retention, Map<String, Templates> patronMail) {

    /** The rules of a library system that has no patron-requests.yaml. */
    public static final PatronRequestRules NONE = new PatronRequestRules(null, null, null, null, null);

    public PatronRequestRules {
        complaints = complaints == null ? new Complaints(null, List.of(), List.of(), 10) : complaints;
        callBacks = callBacks == null ? new CallBacks("same-opening-day", null) : callBacks;
        retention = retention == null ? new Retention(null, null, null, null, null) : retention;
        patronMail = patronMail == null ? Map.of() : Map.copyOf(patronMail);
    }

    /**
     * handledBy: the position told first (null: the persons in charge of the complaint's branch); headquarters: told of
     * overdue complaints and at once of the categories in alsoToHeadquarters.
     */
    public record Complaints(String handledBy, List<String> headquarters, List<String> alsoToHeadquarters, int respondWithinDays) {
        public Complaints {
            headquarters = headquarters == null ? List.of() : List.copyOf(headquarters);
            alsoToHeadquarters = alsoToHeadquarters == null ? List.of() : List.copyOf(alsoToHeadquarters);
        }
    }

    /** Null when the library system has not set up a review: requests are still received and listed. */
    public record Reconsideration(List<String> committee, List<Step> steps, String itemDuringReview) {
        public Reconsideration {
            committee = committee == null ? List.of() : List.copyOf(committee);
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    public record Step(String step, int days) {
    }

    /** due: same-opening-day | next-opening-day | within-opening-hours (withinHours of opening hours). */
    public record CallBacks(String due, Integer withinHours) {
    }

    /** Days kept after closing, per record type; null: the module's default (see {@link #days}). */
    public record Retention(Integer complaints, Integer commentCards, Integer reconsiderations, Integer callBacks, Integer followUps) {

        /** The days for a record type, or its default (complaints 3 years, cards 1, reconsiderations 7, call-backs 90 days, follow-ups 3 years). */
        public int days(MatterKind kind) {
            return switch (kind) {
                case COMPLAINT -> complaints == null ? 1095 : complaints;
                case COMMENT_CARD -> commentCards == null ? 365 : commentCards;
                case RECONSIDERATION -> reconsiderations == null ? 2555 : reconsiderations;
                case CALL_BACK -> callBacks == null ? 90 : callBacks;
                case ESCALATION -> followUps == null ? 1095 : followUps;
            };
        }

        public int followUpDays() {
            return followUps == null ? 1095 : followUps;
        }
    }

    /** A language's templates; a null template means ServicePoint's own wording. */
    public record Templates(Template receipt, Template update, Template decision) {
    }

    public record Template(String subject, String body) {
    }
}
