package org.servicepoint.patronrequests.followups.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.servicepoint.confidentiality.control.RetainedRecords;

/**
 * Follow-ups and updates to patrons leave with their matter, or once the period patron-requests.yaml set when they were
 * written (retention.followUps, three years by default) and the library system's retention setting have both passed
 * since a follow-up was done or an update made, through {@code matter_follow_ups_purge} (migration V41).
 */
@ApplicationScoped
public class FollowUpRetention implements RetainedRecords {

    @Override
    public String recordType() {
        return "follow-up";
    }

    @Override
    public int defaultDays() {
        return 1095;
    }

    @Override
    public String countsFrom() {
        return "done";
    }

    @Override
    public int purgeOrder() {
        // After every kind of matter, so that what names a matter purged tonight leaves tonight too.
        return 90;
    }

    @Override
    public String purgeBatch() {
        return "select matter_follow_ups_purge(?1, ?2, ?3)";
    }
}
