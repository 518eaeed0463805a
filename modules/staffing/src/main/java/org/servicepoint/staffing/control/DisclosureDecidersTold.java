package org.servicepoint.staffing.control;

import java.util.List;
import java.util.UUID;
import org.servicepoint.platform.entity.TenantId;

/**
 * Fired (synchronously, inside the logging transaction) when the people a request for patron information was routed
 * to have been told in the app. A context that sends mail (incidents, through its outbox) observes it to mail them as
 * well. {@code text} is the in-app notice: it says where and which request, never who asked or what for.
 */
public record DisclosureDecidersTold(TenantId tenant, List<Addressee> deciders, String text) {

    /** A decider as the roster has them; {@code email} null when the roster has no address. */
    public record Addressee(UUID staffMemberId, String tagName, String email) {
    }
}
