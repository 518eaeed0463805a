package org.servicepoint.incidents.reports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;
import org.servicepoint.platform.entity.TenantRow;

/**
 * What is appended to a report and never changed: its addenda and its signatures, each numbered from 1 within the
 * report. Each kind checks its own number; the report's views and its signature chain read them in that order.
 */
@MappedSuperclass
public abstract class ReportEntry extends TenantRow {

    @Column(name = "report_id", nullable = false)
    private UUID reportId;

    @Column(nullable = false)
    private int seq;

    /** For JPA. */
    protected ReportEntry() {
    }

    ReportEntry(UUID id, UUID reportId, int seq) {
        super(id);
        this.reportId = reportId;
        this.seq = seq;
    }

    public UUID reportId() { return reportId; }
    public int seq() { return seq; }
}
