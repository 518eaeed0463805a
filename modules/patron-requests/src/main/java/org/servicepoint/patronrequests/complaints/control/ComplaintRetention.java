package org.servicepoint.patronrequests.complaints.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.servicepoint.confidentiality.control.RetainedRecords;

/**
 * Closed complaints leave with their steps, and their patron contact unless another matter names it, through
 * {@code complaints_purge} (migration V3) once the period patron-requests.yaml set when they were closed (three years
 * by default) and the library system's retention setting have both passed since closing. Open ones are kept.
 */
@ApplicationScoped
public class ComplaintRetention implements RetainedRecords {

    @Override
    public String recordType() {
        return "complaint";
    }

    @Override
    public int defaultDays() {
        return 1095;
    }

    @Override
    public String countsFrom() {
        return "closing";
    }

    @Override
    public int purgeOrder() {
        // Before what is purged later and may share a contact; nothing else names a complaint's rows.
        return 40;
    }

    @Override
    public String purgeBatch() {
        return "select complaints_purge(?1, ?2, ?3)";
    }
}
