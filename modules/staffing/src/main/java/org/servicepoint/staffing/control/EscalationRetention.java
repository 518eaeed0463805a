package org.servicepoint.staffing.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.servicepoint.confidentiality.control.RetainedRecords;

/**
 * An escalation leaves after the library system's period (three years by default) from its recorded outcome, with
 * the in-app notices about it, through {@code escalations_purge} (migration V21). Escalations without an outcome
 * are kept.
 */
@ApplicationScoped
public class EscalationRetention implements RetainedRecords {

    @Override
    public String recordType() {
        return "escalation";
    }

    @Override
    public int defaultDays() {
        return 1095;
    }

    @Override
    public String countsFrom() {
        return "outcome";
    }

    @Override
    public int purgeOrder() {
        return 30;
    }

    @Override
    public String purgeBatch() {
        return "select escalations_purge(?1, ?2, ?3)";
    }
}
