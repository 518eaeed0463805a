package org.servicepoint.patronrequests.reconsideration.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.servicepoint.confidentiality.control.RetainedRecords;

/**
 * A decided request to reconsider an item leaves after the library system's period (seven years by default) from its
 * decision, with its steps and the patron's contact, through {@code reconsiderations_purge} (migration V21). Requests
 * not yet decided are kept.
 */
@ApplicationScoped
public class ReconsiderationRetention implements RetainedRecords {

    @Override
    public String recordType() {
        return "reconsideration";
    }

    @Override
    public int defaultDays() {
        return 2555;
    }

    @Override
    public String countsFrom() {
        return "decision";
    }

    @Override
    public int purgeOrder() {
        return 40;
    }

    @Override
    public String purgeBatch() {
        return "select reconsiderations_purge(?1, ?2, ?3)";
    }
}
