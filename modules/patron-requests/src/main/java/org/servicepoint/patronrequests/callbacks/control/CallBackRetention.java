package org.servicepoint.patronrequests.callbacks.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.servicepoint.confidentiality.control.RetainedRecords;
import org.servicepoint.patronrequests.entity.MatterKind;
import org.servicepoint.patronrequests.control.PatronRequestRules;

/**
 * A call-back done longer ago than the library system's period (90 days by default) goes with its steps and the
 * patron's contact, through {@code call_backs_purge} (migration V30). Open call-backs are kept whatever their age.
 */
@ApplicationScoped
public class CallBackRetention implements RetainedRecords {

    @Override
    public String recordType() {
        return "call-back";
    }

    @Override
    public int defaultDays() {
        return PatronRequestRules.NONE.retention().days(MatterKind.CALL_BACK);
    }

    @Override
    public String countsFrom() {
        return "closing";
    }

    @Override
    public int purgeOrder() {
        return 20;
    }

    @Override
    public String purgeBatch() {
        return "select call_backs_purge(?1, ?2, ?3)";
    }
}
