package org.servicepoint.patronrequests.complaints.control;

import java.util.UUID;
import org.servicepoint.patronrequests.control.PatronContact;

/**
 * A complaint as staff record it, unchecked. {@code branch}: where it was made (the caller's own if left out);
 * {@code channel}: in-person | phone | email | comment-card; {@code about} (at most 2000 characters) and {@code asks}
 * (at most 1000, optional) are sealed; {@code policy}: the key of the policy it is about (optional, must exist);
 * {@code contact}: how to reach the patron (optional, kept through PatronContacts), or {@code contactId}: a contact
 * already kept (a comment card's), not both; {@code commentCard}: the card it came from (one complaint per card);
 * {@code key}: a retried request with the same key answers the complaint already recorded.
 */
public record NewComplaint(String branch, String channel, String about, String policy, String asks, PatronContact contact,
                           UUID contactId, UUID commentCard, String key) {

    /** A complaint made at the desk, without a contact already kept or a card. */
    public NewComplaint(String branch, String channel, String about, String policy, String asks, PatronContact contact, String key) {
        this(branch, channel, about, policy, asks, contact, null, null, key);
    }
}
