package org.servicepoint.platform.control;

import java.util.List;
import java.util.Locale;
import org.servicepoint.platform.entity.TenantId;

/**
 * Things staff look up at the desk ("How do I handle…"): each module that has such things (policies, service
 * standards) provides one, and the desk search asks them all, so no module needs to know the others.
 */
public interface DeskTopics {

    /**
     * Up to {@code limit} of the library system's topics that match {@code words}, best first, in {@code language};
     * only what {@code caller} may read. A provider binds the tenant itself (its own persistence unit).
     */
    List<DeskTopic> find(TenantId tenant, Caller caller, String words, Locale language, int limit);
}
