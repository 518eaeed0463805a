package org.servicepoint.patronrequests.cards.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.servicepoint.confidentiality.control.RetainedRecords;

/**
 * A handled comment card leaves after the library system's period (a year by default) from when it was last handled,
 * with its steps and the patron's contact, through {@code comment_cards_purge} (migration V11). New cards are kept
 * until someone handles them.
 */
@ApplicationScoped
public class CommentCardRetention implements RetainedRecords {

    @Override
    public String recordType() {
        return "comment-card";
    }

    @Override
    public int defaultDays() {
        return 365;
    }

    @Override
    public String countsFrom() {
        return "handling";
    }

    @Override
    public int purgeOrder() {
        // Before complaints (a card names the complaint it became), like bans before the reports they name.
        return 30;
    }

    @Override
    public String purgeBatch() {
        return "select comment_cards_purge(?1, ?2, ?3)";
    }
}
