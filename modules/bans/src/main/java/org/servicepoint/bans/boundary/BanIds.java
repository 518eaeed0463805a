package org.servicepoint.bans.boundary;

import java.util.UUID;
import org.servicepoint.platform.control.Refusal;

/** Ban ids in paths: one that is not a UUID names no ban. */
final class BanIds {

    private BanIds() {
    }

    static UUID parse(String id) {
        try {
            UUID parsed = UUID.fromString(id);
            if (parsed.toString().equalsIgnoreCase(id)) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // falls through: a malformed id is one that does not exist
        }
        throw Refusal.notFound("computer-use ban " + id);
    }
}
