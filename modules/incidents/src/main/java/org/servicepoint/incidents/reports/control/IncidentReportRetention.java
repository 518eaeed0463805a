package org.servicepoint.incidents.reports.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.servicepoint.confidentiality.control.RetainedRecords;

/**
 * Closed incident reports leave after the library system's period (seven years by default, like the decisions on
 * disclosure requests), with their addenda, signatures and deliveries, through {@code incident_reports_purge}
 * (migration V21): reports not closed, and reports a computer-use ban still names, are kept.
 */
@ApplicationScoped
public class IncidentReportRetention implements RetainedRecords {

    @Override
    public String recordType() {
        return "incident-report";
    }

    @Override
    public int defaultDays() {
        return 2557;
    }

    @Override
    public String countsFrom() {
        return "closing";
    }

    @Override
    public int purgeOrder() {
        // After bans, which may name a report.
        return 20;
    }

    @Override
    public String purgeBatch() {
        return "select incident_reports_purge(?1, ?2, ?3)";
    }
}
