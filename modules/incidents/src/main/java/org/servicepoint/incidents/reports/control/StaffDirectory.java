package org.servicepoint.incidents.reports.control;

import java.util.Optional;
import java.util.UUID;

/** Tag names of the library system's roster, for the staff a report names. */
@FunctionalInterface
public interface StaffDirectory {

    /** The tag name of a roster entry, or empty if the library system has no such entry. */
    Optional<String> tagName(UUID staffMemberId);
}
