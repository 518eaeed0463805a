package org.servicepoint.incidents.reports.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.servicepoint.confidentiality.control.PatronReferenceHolds;

/**
 * A signed incident report names its patrons by reference and is kept (and re-verifiable) as signed: the
 * references it names are kept as long as it is. The ids sit in the report's canonical JSON array.
 */
@ApplicationScoped
public class ReportedPatronReferences implements PatronReferenceHolds {

    @Override
    public String heldReferences() {
        return "select cast(e.id as uuid) from incident_report r "
                + "cross join lateral jsonb_array_elements_text(cast(r.patron_references as jsonb)) as e (id) "
                + "where r.tenant_id = ?1 and r.patron_references <> '[]'";
    }
}
