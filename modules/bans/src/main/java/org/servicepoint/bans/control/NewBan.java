package org.servicepoint.bans.control;

import java.util.UUID;

/**
 * A ban as a person in charge asks for it, not yet checked. The patron is either a card number (its patron
 * reference is made or found) or an existing patron reference id. Times are ISO date-times, with an offset or
 * in the library system's time; {@code reviewOn} is a date.
 */
public record NewBan(String cardNumber, String displayName, UUID patronReferenceId, UUID incidentReportId, String scope,
                     String branch, String startsAt, String endsAt, String reason, String reviewOn) {
}
