package org.servicepoint.incidents.delivery.control;

import java.util.UUID;

/**
 * Someone a report is mailed to, as the roster has them. {@code staffMemberId} is null (and {@code email} too) for
 * a position nobody holds: that delivery fails at once, so headquarters sees that nobody received it.
 */
public record Recipient(UUID staffMemberId, String name, String position, String branch, String email) {
}
