package org.servicepoint.staffing.control;

import java.time.LocalDate;

/**
 * A roster entry as someone wants it to be, from a form or a CSV row: codes and dates as given. Rules in
 * {@link RosterRules} check and normalise it before anything is stored.
 */
public record StaffDetails(String tagName, String username, String position, String branch, String employmentType,
                           LocalDate startsOn, LocalDate endsOn, String email) {

    /** An entry without a work email address (it gets no incident reports by mail). */
    public StaffDetails(String tagName, String username, String position, String branch, String employmentType,
                        LocalDate startsOn, LocalDate endsOn) {
        this(tagName, username, position, branch, employmentType, startsOn, endsOn, null);
    }

    public StaffDetails withEmail(String newEmail) {
        return new StaffDetails(tagName, username, position, branch, employmentType, startsOn, endsOn, newEmail);
    }
}
